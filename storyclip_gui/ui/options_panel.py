"""OptionsPanel: the story options new jobs get (preset, length, layout, size, quality, encoder,
folder)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from storyclip_gui.core.options import (
    MAX_CLIP_SECONDS,
    MIN_CLIP_SECONDS,
    OUTPUT_SIZES,
    Cuts,
    EncoderChoice,
    Layout,
    Quality,
    StoryOptions,
)
from storyclip_gui.core.presets import PRESETS, PlatformPreset
from storyclip_gui.ui.option_labels import choice_label

PRESET_SIZE = "1080x1920"  # every preset renders at this size (docs/presets.md)


class OptionsPanel(QWidget):
    """A compact form; its values are remembered in QSettings under "options/".

    Signals:
        changed(): any option was edited.
    """

    changed = Signal()

    def __init__(
        self, settings: QSettings, default_output: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._default_output = default_output
        form = QFormLayout(self)
        form.setContentsMargins(8, 8, 8, 8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: label above
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Custom"), None)
        for preset in PRESETS.values():
            self.preset.addItem(preset.label, preset.id)
        self.clip_seconds = QDoubleSpinBox()
        self.clip_seconds.setRange(MIN_CLIP_SECONDS, MAX_CLIP_SECONDS)
        self.clip_seconds.setDecimals(1)
        self.clip_seconds.setSuffix(" s")
        self.layout_box = QComboBox()
        for value, label in (
            (Layout.CROP, self.tr("Crop to fill")),
            (Layout.BLUR, self.tr("Fit on blurred copy")),
            (Layout.FIT, self.tr("Fit with bars")),
            (Layout.SMART, self.tr("Follow the subject")),
        ):
            self.layout_box.addItem(label, value.value)
        self.size = QComboBox()
        for width, height in OUTPUT_SIZES:
            self.size.addItem(f"{width}×{height}", f"{width}x{height}")
        self.quality = QComboBox()
        for value, label in (
            (Quality.LOW, self.tr("Low (fast)")),
            (Quality.MEDIUM, self.tr("Medium")),
            (Quality.HIGH, self.tr("High (slow)")),
        ):
            self.quality.addItem(label, value.value)
        # "" : the Settings' default encoder; the Settings dialog says which work here
        self.encoder = QComboBox()
        self.encoder.addItem(self.tr("As in Settings"), "")
        for choice in EncoderChoice:
            self.encoder.addItem(choice_label(choice.value), choice.value)
        self.encoder.setToolTip(self.tr("A hardware encoder that fails falls back to x264 for "
                                        "the rest of the job (the job's log says why)."))
        # smart clips: where cuts land, loudness normalisation
        self.cuts = QComboBox()
        self.cuts.addItem(self.tr("Every clip length"), Cuts.FIXED.value)
        self.cuts.addItem(self.tr("At silences and scene changes"), Cuts.SMART.value)
        self.cuts.setToolTip(self.tr("Smart cuts move each cut up to 2 s to a pause in the "
                                     "sound or a change of shot; the clip list says why."))
        self.loudnorm = QCheckBox(self.tr("Normalise loudness"))
        self.loudnorm.setToolTip(self.tr("Bring each clip to the platform's loudness target "
                                         "(two passes)."))
        self.output = QLineEdit()
        self.output.textChanged.connect(self.output.setToolTip)
        browse = QToolButton()
        browse.setText("…")
        browse.setToolTip(self.tr("Choose the output folder"))
        browse.clicked.connect(self.browse_output)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.output)
        row.addWidget(browse)
        for combo in (self.preset, self.layout_box, self.size, self.quality, self.encoder,
                      self.cuts):  # fmt: skip
            # a narrow window narrows the boxes (the open list still shows whole names)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.output.setMinimumWidth(60)
        form.addRow(self.tr("Preset"), self.preset)
        form.addRow(self.tr("Clip length"), self.clip_seconds)
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.tr("Encoder"), self.encoder)
        form.addRow(self.tr("Cuts"), self.cuts)
        form.addRow("", self.loudnorm)
        form.addRow(self.tr("Output folder"), row)
        self.restore()
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for combo in (self.layout_box, self.size, self.quality, self.encoder, self.cuts):
            combo.currentIndexChanged.connect(self._edited)
        self.loudnorm.toggled.connect(self._edited)
        self.clip_seconds.valueChanged.connect(self._edited)
        self.output.editingFinished.connect(self._edited)

    def options(self) -> StoryOptions:
        """Raises OptionsError (with a message for the person) when a value is invalid."""
        return StoryOptions.from_dict(self.values())

    def values(self) -> dict[str, Any]:
        return {
            "preset": self.preset.currentData(),
            "clip_seconds": self.clip_seconds.value(),
            "layout": self.layout_box.currentData(),
            "size": self.size.currentData(),
            "quality": self.quality.currentData(),
            "cuts": self.cuts.currentData(),
            "loudnorm": self.loudnorm.isChecked(),
            **({"encoder": self.encoder.currentData()} if self.encoder.currentData() else {}),
        }

    def output_root(self) -> str | None:
        return self.output.text().strip() or None

    def set_values(self, values: dict[str, Any]) -> None:
        """Show the options of a job (e.g. before a re-run with changes)."""
        options = StoryOptions.from_dict(values)
        self._select(self.preset, options.preset)
        self.clip_seconds.setValue(options.clip_seconds)
        self._select(self.layout_box, options.layout.value)
        self._select(self.size, options.size)
        self._select(self.quality, options.quality.value)
        self._select(self.cuts, options.cuts.value)
        self.loudnorm.setChecked(options.loudnorm)
        self._select(self.encoder, values.get("encoder") or "")

    def restore(self) -> None:
        s = self._settings
        defaults = StoryOptions()
        self._select(self.preset, s.value("options/preset", None) or None)
        self.clip_seconds.setValue(float(s.value("options/clipSeconds", defaults.clip_seconds)))
        self._select(self.layout_box, s.value("options/layout", defaults.layout.value))
        self._select(self.size, s.value("options/size", defaults.size))
        self._select(self.quality, s.value("options/quality", defaults.quality.value))
        self._select(self.cuts, s.value("options/cuts", defaults.cuts.value))
        self._select(self.encoder, s.value("options/encoder", "") or "")
        self.loudnorm.setChecked(str(s.value("options/loudnorm", "false")).lower() == "true")
        self.output.setText(str(s.value("options/outputDir", self._default_output)))
        self._show_custom_if_changed()
        self._hold_preset_limit()

    def save(self) -> None:
        s = self._settings
        values = self.values()
        s.setValue("options/preset", values["preset"] or "")
        s.setValue("options/clipSeconds", values["clip_seconds"])
        s.setValue("options/layout", values["layout"])
        s.setValue("options/size", values["size"])
        s.setValue("options/quality", values["quality"])
        s.setValue("options/cuts", values["cuts"])
        s.setValue("options/encoder", values.get("encoder", ""))
        s.setValue("options/loudnorm", "true" if values["loudnorm"] else "false")
        s.setValue("options/outputDir", self.output.text().strip())

    def _hold_preset_limit(self) -> None:
        """A preset's platform limit is the most the clip length can be (issue 16 item 9)."""
        preset = PRESETS.get(self.preset.currentData() or "")
        limit = preset.max_seconds if preset else MAX_CLIP_SECONDS
        self.clip_seconds.setMaximum(limit)
        self.clip_seconds.setToolTip(
            self.tr("%1 takes clips of up to %2 s.").replace("%1", preset.label)
            .replace("%2", f"{limit:g}") if preset else "")  # fmt: skip

    def matches_preset(self, preset: PlatformPreset) -> bool:
        """Are the length and size shown still the preset's own?"""
        return (abs(self.clip_seconds.value() - preset.clip_seconds) < 0.05
                and self.size.currentData() == PRESET_SIZE)  # fmt: skip

    def _show_custom_if_changed(self) -> None:
        """A preset names its values: once the length or size differ, the box says Custom."""
        preset = PRESETS.get(self.preset.currentData() or "")
        if preset is not None and not self.matches_preset(preset):
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(0)
            self.preset.blockSignals(False)

    def _preset_chosen(self) -> None:
        preset = PRESETS.get(self.preset.currentData() or "")
        self._hold_preset_limit()
        if preset is not None:
            self.clip_seconds.blockSignals(True)
            self.clip_seconds.setValue(preset.clip_seconds)
            self.clip_seconds.blockSignals(False)
            self.size.blockSignals(True)
            self._select(self.size, PRESET_SIZE)
            self.size.blockSignals(False)
        self._edited()

    def _edited(self) -> None:
        self._show_custom_if_changed()
        self._hold_preset_limit()  # Custom now: the app's own limit
        self.save()
        self.changed.emit()

    def browse_output(self) -> None:
        """Ask for the output folder (the welcome page's "Change folder…" too)."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Output folder"), self.output.text()
        )
        if folder:
            self.output.setText(folder)
            self._edited()

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)
