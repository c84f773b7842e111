"""Strings shared by every page: app title, sidebar, navigation, language names."""

EN: dict[str, str] = {
    "common.app_title": "Optimizer landscapes",
    "common.tagline": "See how optimizers move.",
    "common.language": "Language",
    "common.lang_name.en": "English",
    "common.lang_name.zh": "中文",
    "common.nav.explore": "Explore",
    "common.nav.lessons": "Lessons",
    "common.home.nav": "Home",
    "common.home.lead": (
        "Pick a loss landscape, let SGD, momentum, Adam, AdamW and their relatives start from "
        "the same point, and watch where each one goes. The **playground** is for free "
        "exploration; the **lessons** turn each claim of the course on momentum, adaptive "
        "learning rates and weight decay into an experiment you can rerun and change. Every "
        "path follows PyTorch's update rules exactly, so what you see is what a training "
        "loop would do."
    ),
    "common.home.playground_blurb": (
        "Race several optimizers on one landscape, tune them, share the link, export CSV."
    ),
    "common.home.inspector_blurb": (
        "Stop at any step and see every number of the update: g, m, v, the bias "
        "corrections and the step itself."
    ),
    "common.home.footer": (
        "Update rules: torch.optim, float64. Switch the language in the sidebar at any time; "
        "links keep it."
    ),
    "common.error.crash": (
        "Sorry, something went wrong on this page. Your settings are kept: change one, or "
        "reload the page. The details were written to the server's log."
    ),
    "common.notice.lead": "Part of the link could not be used; the rest opened as given.",
    "common.notice.lead_widget": "A control held a value it does not offer; it was reset.",
    "common.notice.invalid": "{name} = {value} is not a valid value: default used",
    "common.notice.out_of_range": "{name} = {value} is out of range: default used",
    "common.notice.rounded": "{name} = {value} is not on the slider: {used} used",
    "common.notice.unknown": "{name} is not a setting of this page: ignored",
    "common.notice.duplicate": "optimizer {value} is named twice: it runs once",
    "common.notice.unused": "{name} counts only with per-optimizer settings (per=1): ignored",
    "common.notice.unknown_optimizer": "optimizer {value} does not exist: left out",
    "common.notice.widget": "{name} = {value} is not a value this control offers: default used",
}

ZH: dict[str, str] = {
    "common.app_title": "优化器地形图",
    "common.tagline": "看优化器怎么走。",
    "common.language": "语言",
    "common.lang_name.en": "English",
    "common.lang_name.zh": "中文",
    "common.nav.explore": "探索",
    "common.nav.lessons": "课程",
    "common.home.nav": "首页",
    "common.home.lead": (
        "选一个损失地形，让 SGD、动量法、Adam、AdamW 等优化器从同一点出发，看它们各自走向哪里。"
        "**试验场**供你自由探索；**课程**把讲义中关于动量、自适应学习率和权重衰减的每个结论，"
        "都做成可以重跑、可以改参数的小实验。所有路径都严格按 PyTorch 的更新规则计算，"
        "你看到的就是真实训练循环会走的路。"
    ),
    "common.home.playground_blurb": "让几个优化器在同一地形上比赛，调参、分享链接、导出 CSV。",
    "common.home.inspector_blurb": (
        "停在任意一步，看清这一步更新里的每个数：g、m、v、偏差修正和步长本身。"
    ),
    "common.home.footer": (
        "更新规则与 torch.optim 一致（float64）。侧栏可随时切换语言，链接会记住你的选择。"
    ),
    "common.error.crash": (
        "抱歉，这一页出了点问题。你的设置都还在：改一个设置或刷新页面即可。"
        "详细信息已写入服务器日志。"
    ),
    "common.notice.lead": "链接里有几项设置用不了，其余设置照常打开。",
    "common.notice.lead_widget": "有控件收到了它不能取的值，已恢复默认。",
    "common.notice.invalid": "{name} = {value} 不是有效的值：改用默认值",
    "common.notice.out_of_range": "{name} = {value} 超出范围：改用默认值",
    "common.notice.rounded": "{name} = {value} 不在滑块刻度上：改用 {used}",
    "common.notice.unknown": "{name} 不是本页的设置：已忽略",
    "common.notice.duplicate": "优化器 {value} 写了两次：只跑一次",
    "common.notice.unused": "{name} 要配合“每个优化器单独设置”（per=1）才生效：已忽略",
    "common.notice.unknown_optimizer": "优化器 {value} 不存在：已略过",
    "common.notice.widget": "{name} = {value} 不是这个控件能取的值：改用默认值",
}
