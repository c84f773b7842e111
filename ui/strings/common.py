"""Strings shared by every page: app title, sidebar, navigation, language names."""

EN: dict[str, str] = {
    "common.app_title": "Optimizer landscapes",
    "common.tagline": "See how optimizers move.",
    "common.language": "Language",
    "common.lang_name.en": "English",
    "common.lang_name.zh": "中文",
    "common.nav.explore": "Explore",
    "common.nav.lessons": "Lessons",
    "common.bad_url_param": (
        "The link's value for “{name}” ({value}) is not valid; using the default."
    ),
}

ZH: dict[str, str] = {
    "common.app_title": "优化器地形图",
    "common.tagline": "看优化器怎么走。",
    "common.language": "语言",
    "common.lang_name.en": "English",
    "common.lang_name.zh": "中文",
    "common.nav.explore": "探索",
    "common.nav.lessons": "课程",
    "common.bad_url_param": "链接里“{name}”的值（{value}）无效，已改用默认值。",
}
