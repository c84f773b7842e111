"""Lesson page: Noise and statistics (the experiments of ``lessons.THEMES["noise"]``)."""

from ui.lesson_view import render_theme
from ui.shell import require_app_shell

require_app_shell()

render_theme("noise")
