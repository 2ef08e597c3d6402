"""Property-based tests (Hypothesis): the output name template grammar and the WebSocket
first-message parser take any input without raising anything but their own refusal."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyclip_gui.core.naming import (
    MAX_NAME_BYTES,
    MAX_TEMPLATE_CHARS,
    TemplateError,
    clip_filename,
    parse_name_template,
    render_name_template,
)
from storyclip_gui.core.options import OptionsError, StoryOptions
from storyclip_gui.core.plan import ClipPlan
from storyclip_gui.server.routes import parse_auth_message

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

FIELDS = st.sampled_from(["stem", "index", "start", "end", "stem.__doc__", "index!r", "0", "",
                          "index[0]", "oops"])  # fmt: skip
SPECS = st.one_of(
    st.just(""),
    st.from_regex(r"0?[0-9]{0,3}(\.[0-9]{1,2})?[dfxs%]?", fullmatch=True),
    st.text(max_size=12),
)


@st.composite
def templates(draw: Any) -> str:
    """Near-valid templates: literal text, braces and fields with specs, mixed."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(st.text(max_size=8)))
        elif kind == 1:
            parts.append(draw(st.sampled_from(["{{", "}}", "{", "}"])))
        else:
            spec = draw(SPECS)
            parts.append("{" + draw(FIELDS) + (":" + spec if spec or kind == 3 else "") + "}")
    return "".join(parts) + draw(st.sampled_from([".mp4", "", "{index}.mp4"]))


def _python_format(template: str, **values: Any) -> str:
    return template.format(**values)


@SETTINGS
@given(template=st.one_of(templates(), st.text(max_size=300)),
       index=st.integers(1, 9999), start=st.floats(0, 1e6), length=st.floats(0.001, 600))
@example(template="{index:010000000}.mp4", index=1, start=0.0, length=1.0)
@example(template="{index:0999999999999}.mp4", index=1, start=0.0, length=1.0)
@example(template="{stem.__class__.__mro__}{index}.mp4", index=1, start=0.0, length=1.0)
def test_the_template_grammar_refuses_or_renders_a_bounded_name(
    template: str, index: int, start: float, length: float
) -> None:
    end = start + length
    try:
        parts = parse_name_template(template)
    except TemplateError as exc:
        assert str(exc) and len(str(exc)) < 400  # a message for a person, bounded
        return
    assert len(template) <= MAX_TEMPLATE_CHARS
    assert all(not part.field or part.text in ("stem", "index", "start", "end") for part in parts)
    name = render_name_template(template, "video", index, start, end)
    # what the grammar accepts, str.format reads the same way (the documented meaning)
    assert name == _python_format(template, stem="video", index=index, start=start, end=end)
    # and the width bound holds: no field grows past 8 characters plus its value's own digits
    assert len(name) <= len(template) + 8 * 5 + len("video") * 8 + 40


@SETTINGS
@given(template=st.one_of(templates(), st.text(max_size=300)),
       stem=st.text(min_size=1, max_size=120), index=st.integers(1, 9999))
def test_story_options_and_clip_names_share_the_rule(template: str, stem: str,
                                                     index: int) -> None:  # fmt: skip
    try:
        options = StoryOptions(name_template=template)
    except OptionsError as exc:
        assert len(str(exc)) < 400
        return
    name = clip_filename(options.name_template, stem, ClipPlan(index, 0.0, 1.0))
    assert name and "/" not in name and "\0" not in name
    assert len(name.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=40))  # fmt: skip
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20)  # fmt: skip


@st.composite
def first_messages(draw: Any) -> str:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.text(max_size=200))
    if kind == 1:
        depth = draw(st.integers(1, 5000))
        return "[" * depth + "]" * depth
    if kind == 2:
        body: dict[str, Any] = {"type": draw(st.sampled_from(["auth", "AUTH", "hello", 1]))}
        key = draw(st.sampled_from(["token", "ticket", "other"]))
        body[key] = draw(st.one_of(JSON_VALUES, st.text(max_size=600)))
        return json.dumps(body)
    if kind == 3:  # JSON text with escapes a str cannot hold once decoded: lone surrogates
        code = draw(st.integers(0xD800, 0xDFFF))
        return f'{{"type": "auth", "token": "\\u{code:04x}"}}'
    return json.dumps(draw(JSON_VALUES))


@SETTINGS
@given(text=st.one_of(first_messages(), st.binary(max_size=40)))
@example(text="[" * 30_000 + "]" * 30_000)
@example(text='{"type":"auth","token":"\\ud800"}')
def test_the_first_message_parser_never_raises(text: Any) -> None:
    credential = parse_auth_message(text)
    if credential is not None:
        assert isinstance(credential, str) and 0 < len(credential) <= 512
        credential.encode("utf-8")  # usable as text: no lone surrogates
        data = json.loads(text)
        assert data["type"] == "auth" and credential in (data.get("token"), data.get("ticket"))
