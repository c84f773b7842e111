"""Lesson page: Inside Adam (the experiments of ``lessons.THEMES["inside_adam"]``)."""

from ui.lesson_view import render_theme

render_theme("inside_adam")
