"""Lesson page: Weight decay, Adam + L2 versus AdamW (``lessons.THEMES["weight_decay"]``)."""

from ui.lesson_view import render_theme
from ui.shell import require_app_shell

require_app_shell()

render_theme("weight_decay")
