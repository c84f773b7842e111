"""The app's pages, grouped into sidebar sections.

One list, one place: ``app.py`` builds ``st.navigation`` from it, and the app tests walk it to
check that every page renders. Each entry is (path under ``pages/``, title key, icon,
url path).
"""

from __future__ import annotations

from typing import NamedTuple


class PageEntry(NamedTuple):
    path: str
    title_key: str
    icon: str
    url_path: str


SECTIONS: dict[str, list[PageEntry]] = {
    "common.nav.explore": [
        PageEntry("pages/playground.py", "pg.page_title", ":material/landscape:", "playground"),
    ],
    "common.nav.lessons": [
        PageEntry("pages/lessons_terrain.py", "lesson.nav.terrain", ":material/terrain:",
                  "lessons-terrain"),
        PageEntry("pages/lessons_inside_adam.py", "lesson.nav.inside_adam",
                  ":material/memory:", "lessons-inside-adam"),
        PageEntry("pages/inspector.py", "lesson.nav.inspector", ":material/calculate:",
                  "inspector"),
        PageEntry("pages/lessons_weight_decay.py", "lesson.nav.weight_decay",
                  ":material/compress:", "lessons-weight-decay"),
        PageEntry("pages/lessons_schedules.py", "lesson.nav.schedules", ":material/schedule:",
                  "lessons-schedules"),
        PageEntry("pages/lessons_noise.py", "lesson.nav.noise", ":material/scatter_plot:",
                  "lessons-noise"),
    ],
}
