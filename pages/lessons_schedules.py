"""Lesson page: Schedules and clipping (the experiments of ``lessons.THEMES["schedules"]``)."""

from ui.lesson_view import render_theme
from ui.shell import require_app_shell

require_app_shell()

render_theme("schedules")
