"""The worker task's small helpers: path prefix mapping, worker labels (no cluster needed)."""

from __future__ import annotations

import pytest

from storyclip_gui.cluster.task import map_path, parse_path_map, worker_label


def test_path_prefixes_map_both_ways_longest_first() -> None:
    pairs = parse_path_map("/home/ana=/mnt/ana; /home/ana/Videos=/srv/videos/")
    assert pairs == [("/home/ana/Videos", "/srv/videos"), ("/home/ana", "/mnt/ana")]
    assert map_path("/home/ana/Videos/talk.mp4", pairs) == "/srv/videos/talk.mp4"
    assert map_path("/home/ana/out/.j.001.x.part", pairs) == "/mnt/ana/out/.j.001.x.part"
    assert map_path("/home/anabel/x.mp4", pairs) == "/home/anabel/x.mp4"  # not a prefix dir
    assert map_path("-c:v", pairs) == "-c:v"
    assert map_path("/srv/videos/a.mp4", pairs, reverse=True) == "/home/ana/Videos/a.mp4"
    assert parse_path_map("") == []


@pytest.mark.parametrize("text", ["/a", "=/b", "/a="])
def test_a_malformed_path_map_is_refused_with_its_variable_named(text: str) -> None:
    with pytest.raises(ValueError, match="STORYCLIP_PATH_MAP"):
        parse_path_map(text)


def test_workers_are_shown_by_their_given_name_else_host_and_port() -> None:
    assert worker_label("render-box-1", "tcp://10.0.0.5:40211") == "render-box-1"
    assert worker_label(0, "tcp://10.0.0.5:40211") == "10.0.0.5:40211"  # LocalCluster's 0, 1
    assert worker_label("tcp://10.0.0.5:40211", "tcp://10.0.0.5:40211") == "10.0.0.5:40211"
