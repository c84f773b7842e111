"""Lesson page: Schedules and clipping (the experiments of ``lessons.THEMES["schedules"]``)."""

from ui.lesson_view import render_theme

render_theme("schedules")
