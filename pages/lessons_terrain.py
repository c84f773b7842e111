"""Lesson page: Terrain (the experiments of ``lessons.THEMES["terrain"]``)."""

from ui.lesson_view import render_theme

render_theme("terrain")
