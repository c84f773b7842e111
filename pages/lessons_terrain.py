"""Lesson page: Terrain (the experiments of ``lessons.THEMES["terrain"]``)."""

from ui.lesson_view import render_theme
from ui.shell import require_app_shell

require_app_shell()

render_theme("terrain")
