"""Step inspector (phenomenon 28): every number of one Adam update, at any step of a run."""

from ui.inspector_view import render_inspector
from ui.shell import require_app_shell

require_app_shell()

render_inspector()
