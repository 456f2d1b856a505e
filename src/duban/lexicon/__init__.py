"""The only code that opens data files: package data, then user overrides."""

from duban.lexicon.load import data_dir_override, load_data

__all__ = ["data_dir_override", "load_data"]
