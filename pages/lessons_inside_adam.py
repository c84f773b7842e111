"""Lesson page: Inside Adam (the experiments of ``lessons.THEMES["inside_adam"]``)."""

from ui.lesson_view import render_theme
from ui.shell import require_app_shell

require_app_shell()

render_theme("inside_adam")
