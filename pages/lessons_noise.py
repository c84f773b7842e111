"""Lesson page: Noise and statistics (the experiments of ``lessons.THEMES["noise"]``)."""

from ui.lesson_view import render_theme

render_theme("noise")
