"""The app's pages, grouped into sidebar sections.

One list, one place: ``app.py`` builds ``st.navigation`` from it, the home page lists it, and
the app tests walk it to check that every page renders. Each entry is the script under
``pages/``, its title key, icon, url path (the file's name, so Streamlit's legacy
``pages/`` mode and the app's navigation name a page the same way; see ``ui.shell``) and the
key of a one-line description for the home page.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class PageEntry(NamedTuple):
    path: str
    title_key: str
    icon: str
    blurb_key: str = ""

    @property
    def url_path(self) -> str:
        return Path(self.path).stem


HOME = PageEntry("pages/home.py", "common.home.nav", ":material/home:")

SECTIONS: dict[str, list[PageEntry]] = {
    "common.nav.explore": [
        HOME,
        PageEntry("pages/playground.py", "pg.page_title", ":material/landscape:",
                  "common.home.playground_blurb"),
    ],
    "common.nav.lessons": [
        PageEntry("pages/lessons_terrain.py", "lesson.nav.terrain", ":material/terrain:",
                  "lesson.theme.terrain.intro"),
        PageEntry("pages/lessons_inside_adam.py", "lesson.nav.inside_adam",
                  ":material/memory:", "lesson.theme.inside_adam.intro"),
        PageEntry("pages/inspector.py", "lesson.nav.inspector", ":material/calculate:",
                  "common.home.inspector_blurb"),
        PageEntry("pages/lessons_weight_decay.py", "lesson.nav.weight_decay",
                  ":material/compress:", "lesson.theme.weight_decay.intro"),
        PageEntry("pages/lessons_schedules.py", "lesson.nav.schedules", ":material/schedule:",
                  "lesson.theme.schedules.intro"),
        PageEntry("pages/lessons_noise.py", "lesson.nav.noise", ":material/scatter_plot:",
                  "lesson.theme.noise.intro"),
    ],
}
