"""Strings of the lessons pages and the step inspector (keys start with ``lesson.``).

Per experiment ``<slug>``: ``lesson.<slug>.title``, ``.text`` (the explanation; Markdown with
$...$ formulas, never formatted), ``.result`` (plus variants such as ``.result_stuck``: a
sentence filled with the live numbers, ``{name}`` fields) and ``.n.<number>`` (metric labels).
The Chinese is written as a teacher would say it, not translated word for word.
"""

EN: dict[str, str] = {
    # --- shared ------------------------------------------------------------------------------
    "lesson.never": "never",
    "lesson.link.open": "Open this preset in the playground →",
    "lesson.link.none": "This preset runs on a landscape built for the lesson, so it has no "
                        "playground link.",
    "lesson.link.partial": "The playground opens with the same landscape, optimizers, start "
                           "and settings; what it has no control for (a gradient spike, a "
                           "scale, a second run of the same optimizer, bias correction off) "
                           "stays behind.",
    "lesson.link.snapped": "The playground's sliders have no exact match, so it opens with "
                           "the nearest values: {values}.",
    "lesson.fig.step": "step",
    "lesson.fig.loss": "loss",
    "lesson.fig.play": "▶ Play",
    "lesson.fig.pause": "❚❚ Pause",
    "lesson.fig.minimum": "known minimum",
    "lesson.fig.saddle": "saddle point",
    "lesson.fig.start": "start",
    "lesson.fig.diverged": "diverged at step {step} ({cause})",
    "lesson.fig.stopped": "stopped at step {step}: {cause}",
    "lesson.fig.stop.nonfinite_update": "0/0",
    "lesson.fig.cause.nonfinite_grad": "gradient overflow",
    "lesson.fig.cause.nonfinite_update": "step overflow",
    "lesson.fig.cause.nonfinite_loss": "loss overflow",
    "lesson.fig.cause.out_of_bounds": "flew off past 10⁶",
    "lesson.step_at": "at step {step}",
    "lesson.axis.g": "gradient g (x)",
    "lesson.axis.m_osc": "first moment m (x)",
    "lesson.axis.v": "second moment (x)",
    "lesson.axis.x": "x",
    "lesson.axis.y": "y",
    "lesson.axis.value": "value",
    "lesson.axis.step_length": "step length |Δx|",
    "lesson.axis.eff_lr_rel": "effective lr ÷ value before the spike",
    "lesson.axis.m": "m (x coordinate)",
    "lesson.axis.lr": "learning rate",
    "lesson.axis.loss": "loss",
    "lesson.axis.variance": "variance of the iterates",
    "lesson.code.nonfinite_update": "the update is not a number (0/0)",
    "lesson.code.nonfinite_grad": "the gradient is not a number",
    "lesson.code.nonfinite_loss": "the loss is not a number",
    "lesson.code.out_of_bounds": "the iterate left the box |x| ≤ 10⁶",
    "lesson.code.sharp": "narrow well",
    "lesson.code.flat": "wide well",
    "lesson.label.GD": "GD",
    "lesson.label.Momentum": "Momentum",
    "lesson.label.min": "minimum (5, 5)",
    "lesson.label.Adam, state kept": "Adam, state kept",
    "lesson.label.Adam, fresh": "Adam, fresh",
    "lesson.label.Adam, down the slope": "Adam, down the slope",
    "lesson.label.Adam, no bias corr.": "Adam, no bias corr.",
    "lesson.label.Adam β1=0, no bias corr.": "Adam β1=0, no bias corr.",
    "lesson.label.Adam + warm-up": "Adam + warm-up",
    "lesson.label.Adam + L2": "Adam + L2",
    "lesson.label.GD constant": "GD constant",
    "lesson.label.GD cyclic": "GD cyclic",
    "lesson.label.GD cosine restarts": "GD cosine restarts",
    "lesson.label.GD + clip 1": "GD + clip 1",
    "lesson.label.Adam, Huber": "Adam, Huber",
    "lesson.label.true w": "true w",
    "lesson.label.squared": "squared",
    "lesson.label.formula": "formula",
    "lesson.label.none": "no clipping",
    "lesson.label.before": "clip the gradient",
    "lesson.label.after": "clip the step",
    # --- controls ---
    "lesson.control.scene": "Terrain",
    "lesson.option.scene.quadratic": "Stretched quadratic",
    "lesson.option.scene.rosenbrock": "Rosenbrock canyon",
    "lesson.control.momentum": "Momentum μ",
    "lesson.control.y0": "Start y₀",
    "lesson.control.sigma": "Gradient noise σ",
    "lesson.control.lr": "Learning rate η",
    "lesson.control.beta1": "β1",
    "lesson.control.beta2": "β2",
    "lesson.control.steps": "Steps",
    "lesson.control.eps": "ε",
    "lesson.control.c": "Loss scale c",
    "lesson.control.s": "Scale s of the x-gradient",
    "lesson.control.factor": "Spike factor",
    "lesson.control.wd": "Weight decay λ",
    "lesson.control.k": "k (lr ÷ k, λ × k)",
    "lesson.control.warmup": "Warm-up steps w",
    "lesson.control.peak": "Peak learning rate",
    "lesson.control.mode": "Clipping drawn in the chart",
    "lesson.option.mode.before": "clip the gradient",
    "lesson.option.mode.after": "clip the step",
    "lesson.control.lam": "Ridge λ",
    "lesson.control.outliers": "Outliers",
    # --- themes ---
    "lesson.nav.terrain": "Terrain",
    "lesson.nav.inside_adam": "Inside Adam",
    "lesson.nav.weight_decay": "Weight decay",
    "lesson.nav.schedules": "Schedules & clipping",
    "lesson.nav.noise": "Noise & statistics",
    "lesson.nav.inspector": "Step inspector",
    "lesson.theme.terrain.title": "Terrain",
    "lesson.theme.terrain.intro": "How the shape of the loss decides where an optimizer goes, "
                                  "and how fast. Each tab is one experiment: a preset, one or "
                                  "two controls, the live paths and the numbers that make the "
                                  "point.",
    "lesson.theme.inside_adam.title": "Inside Adam",
    "lesson.theme.inside_adam.intro": "What Adam's two moments really hold: averages that "
                                      "cancel, memories that linger, corrections that matter. "
                                      "To see every number of a single update, open the step "
                                      "inspector.",
    "lesson.theme.weight_decay.title": "Weight decay: Adam + L2 versus AdamW",
    "lesson.theme.weight_decay.intro": "Adding λθ to the gradient (Adam + L2) and shrinking θ "
                                       "directly (AdamW) sound alike. Under Adam's "
                                       "normalisation they behave very differently.",
    "lesson.theme.schedules.title": "Schedules and clipping",
    "lesson.theme.schedules.intro": "How the learning rate over time, and where clipping sits "
                                    "in the step, change what happens.",
    "lesson.theme.noise.title": "Noise and statistics",
    "lesson.theme.noise.intro": "Noisy gradients, and losses built from data: what statistics "
                                "predicts, measured.",
    # --- 1 ravine ---
    "lesson.ravine.title": "Narrow ravine",
    "lesson.ravine.text": "In a long, narrow valley the gradient points mostly at the nearest "
                          "wall, hardly along the floor. Gradient descent follows it, so it "
                          "bounces from wall to wall while it creeps along. Adam divides each "
                          "coordinate's step by that coordinate's own gradient size: the steep "
                          "direction across the valley gets a shorter step, the gentle "
                          "direction along the floor a longer one. Try a stretched quadratic "
                          "($f = (0.1x^2 + 10y^2)/2$, GD at lr 0.18, just under $2/10$) and "
                          "the curved Rosenbrock canyon.",
    "lesson.ravine.result": "In its first 100 steps gradient descent crossed the valley floor "
                            "{gd_bounces} times, Adam {adam_bounces} times. Within 0.1 of the "
                            "minimum: gradient descent after {gd_steps} steps, Adam after "
                            "{adam_steps}.",
    "lesson.ravine.n.gd_bounces": "GD: floor crossings (first 100 steps)",
    "lesson.ravine.n.adam_bounces": "Adam: floor crossings",
    "lesson.ravine.n.gd_steps": "GD: steps to the minimum",
    "lesson.ravine.n.adam_steps": "Adam: steps to the minimum",
    # --- 2 plateau ---
    "lesson.plateau.title": "Plateau",
    "lesson.plateau.text": "On a nearly flat plain the gradient is tiny. Gradient descent steps "
                           "by learning rate × gradient, so it barely moves. Momentum keeps "
                           "adding the same small push and speeds up, towards $1/(1-\\mu)$ "
                           "times the plain step. Adam divides the gradient by its own size, "
                           "so it walks about one learning rate per step per coordinate, "
                           "however flat the ground.",
    "lesson.plateau.result": "Gradient size at the start: {grad}. After 400 steps at lr 0.02 "
                             "gradient descent had moved {gd}, momentum {momentum}, Adam "
                             "{adam}. Adam's first 50 steps averaged {adam_step} × lr in its "
                             "larger coordinate.",
    "lesson.plateau.caption": "At this scale gradient descent's whole path fits under the "
                              "start circle: it moved only the distance quoted above. The dot "
                              "at the end of each path marks where that run stopped.",
    "lesson.plateau.n.grad": "|g| at the start",
    "lesson.plateau.n.gd": "GD: distance",
    "lesson.plateau.n.momentum": "Momentum: distance",
    "lesson.plateau.n.adam": "Adam: distance",
    "lesson.plateau.n.adam_step": "Adam: step ÷ lr",
    # --- 3 saddle ---
    "lesson.saddle.title": "Saddle point",
    "lesson.saddle.text": "$f = x^2 - y^2 + y^4/4$ has a saddle at the origin: uphill along "
                          "$x$, downhill along $y$. Start at $(1, y_0)$ with a tiny $y_0$. "
                          "Near $y = 0$ the push away from the saddle is proportional to $y$ "
                          "itself, so gradient descent (lr 0.01) grows $y$ by only about 2% "
                          "per step. Adam rescales that tiny gradient to a full step. We count "
                          "the first step $t$ with $|y_t| > 0.5$, where $y_t$ is the position "
                          "after step $t$.",
    "lesson.saddle.result": "Escape (|y| > 0.5): Adam at step {adam}, gradient descent at step "
                            "{gd}.",
    "lesson.saddle.result_stuck": "Neither run escapes. Starting exactly on y = 0 the "
                                  "y-gradient is exactly zero, so gradient descent never moves "
                                  "off the line, and neither does Adam: its step is 0 divided "
                                  "by (0 + ε). A little gradient noise breaks the tie.",
    "lesson.saddle.n.adam": "Adam: escape step",
    "lesson.saddle.n.gd": "GD: escape step",
    # --- 4 bowl ---
    "lesson.bowl.title": "Round bowl: the baseline",
    "lesson.bowl.text": "A round bowl, $f = x^2 + y^2$, has one minimum and no traps. Every "
                        "method gets there; only the route and the speed differ. Keep this "
                        "picture as the reference for the harder terrain.",
    "lesson.bowl.result": "All five runs ended at the minimum (largest distance left: "
                          "{worst_end}). Steps to get within 0.01: SGD {reach_sgd}, momentum "
                          "{reach_momentum}, RMSProp {reach_rmsprop}, Adam {reach_adam}, AdamW "
                          "{reach_adamw}.",
    "lesson.bowl.n.reach_sgd": "SGD: steps",
    "lesson.bowl.n.reach_momentum": "Momentum: steps",
    "lesson.bowl.n.reach_rmsprop": "RMSProp: steps",
    "lesson.bowl.n.reach_adam": "Adam: steps",
    "lesson.bowl.n.reach_adamw": "AdamW: steps",
    # --- 5 sharp / flat ---
    "lesson.sharp_flat.title": "Sharp versus flat minimum",
    "lesson.sharp_flat.text": "This landscape has two wells: a narrow, steep one on the way and "
                              "a wide, gentle one further right. Gradient descent rolls into "
                              "the narrow well and stays; so does Adam. With heavy momentum the "
                              "iterate arrives with so much speed that it shoots through the "
                              "narrow well and comes to rest in the wide one. The trace of the "
                              "Hessian at the end point says how sharp the bottom is: large in "
                              "the narrow well, small in the wide one.",
    "lesson.sharp_flat.result": "Hessian trace where each run ended: gradient descent "
                                "{trace_gd} ({basin_gd}), Adam {trace_adam} ({basin_adam}), "
                                "momentum {trace_heavy} ({basin_heavy}).",
    "lesson.sharp_flat.n.trace_gd": "tr H at GD's end",
    "lesson.sharp_flat.n.trace_adam": "tr H at Adam's end",
    "lesson.sharp_flat.n.trace_heavy": "tr H at momentum's end",
    # --- 6 wall ---
    "lesson.wall.title": "Repulsive wall",
    "lesson.wall.text": "Near a Lennard-Jones-like wall the loss grows like $(1/x)^{12}$, so "
                        "the gradient there is gigantic. Gradient descent steps by learning "
                        "rate × gradient: one step from near the wall throws the iterate far "
                        "away, or off to infinity. Adam's first step is about one learning "
                        "rate per coordinate, whatever the gradient. Clipping the gradient's "
                        "norm to 1 caps gradient descent's step the same way.",
    "lesson.wall.result": "Gradient size at the start: {grad}, so gradient descent's first "
                          "step is {gd_jump} long; it stopped at step {gd_stopped}. Farthest "
                          "from the start: Adam {adam_far}, clipped gradient descent "
                          "{clip_far}.",
    "lesson.wall.n.grad": "|g| at the start",
    "lesson.wall.n.gd_jump": "GD: first step length",
    "lesson.wall.n.adam_far": "Adam: farthest",
    "lesson.wall.n.clip_far": "GD + clip: farthest",
    "lesson.wall.n.gd_stopped": "GD: stopped at step",
    # --- 7 oscillation ---
    "lesson.oscillation.title": "Oscillating gradients",
    "lesson.oscillation.text": "Feed Adam a gradient that flips sign every step: +10, −10, "
                               "+10, … The first moment $m$ averages the gradients, so the "
                               "flips cancel and $m$ stays near 0. The second moment $v$ "
                               "averages the squares, which are always 100, so $\\hat v$ is "
                               "100 from the very first step, while the raw $v$ climbs "
                               "towards 100 as $1-\\beta_2^t$. Adam hardly moves: the "
                               "direction is uncertain, and its step says so. The table "
                               "follows the x coordinate step by step.",
    "lesson.oscillation.result": "Over the last 100 steps |m| stayed at or below {m_late} "
                                 "(the steady state 10(1−β1)/(1+β1) = {m_formula}), while "
                                 "v̂ = {v_hat_late} and the raw v = {v_late} after 3000 steps.",
    "lesson.oscillation.n.m_late": "|m|, last 100 steps",
    "lesson.oscillation.n.m_formula": "10(1−β1)/(1+β1)",
    "lesson.oscillation.n.v_hat_late": "v̂ at the end",
    "lesson.oscillation.n.v_late": "raw v at the end",
    # --- 8 adagrad ---
    "lesson.adagrad.title": "Adagrad never forgets",
    "lesson.adagrad.text": "Adagrad adds up every squared gradient it has ever seen. The sum "
                           "only grows, so its step $\\eta/\\sqrt{s_t}$ only shrinks: with a "
                           "constant gradient it is exactly $\\eta/\\sqrt{t}$, and on a long "
                           "run it stalls although the slope is as steep as ever. RMSProp "
                           "keeps a moving average instead: old gradients fade and the step "
                           "stays alive. The slope here is $f = x + y$.",
    "lesson.adagrad.result": "Adagrad's step shrank from {adagrad_first} at step 1 to "
                             "{adagrad_last} at the end; RMSProp's is still {rmsprop_last}. In "
                             "the last tenth of the run Adagrad covered {adagrad_share} of the "
                             "ground it covered in the first tenth (RMSProp: "
                             "{rmsprop_share}).",
    "lesson.adagrad.n.adagrad_first": "Adagrad: first step",
    "lesson.adagrad.n.adagrad_last": "Adagrad: last step",
    "lesson.adagrad.n.rmsprop_last": "RMSProp: last step",
    "lesson.adagrad.n.adagrad_share": "Adagrad: last ÷ first tenth",
    # --- 9 rmsprop identity ---
    "lesson.rmsprop_identity.title": "Adam with β1 = 0 is RMSProp",
    "lesson.rmsprop_identity.text": "Switch off Adam's first moment ($\\beta_1 = 0$, so "
                                    "$m = g$) and its bias correction. What is left is "
                                    "$g/(\\sqrt{v}+\\epsilon)$ with $v$ an exponential average "
                                    "of $g^2$: RMSProp's rule with $\\alpha = \\beta_2$. The "
                                    "engine computes the two paths with two different rules, "
                                    "and they land exactly on top of each other.",
    "lesson.rmsprop_identity.result": "Largest gap between the two paths over 1000 steps: "
                                      "{max_diff} (each path is {length} long).",
    "lesson.rmsprop_identity.n.max_diff": "Largest gap",
    "lesson.rmsprop_identity.n.length": "Path length",
    # --- 10 bias correction ---
    "lesson.bias_correction.title": "Bias correction and the first step",
    "lesson.bias_correction.text": "Adam's moments start at zero, so at first they are too "
                                   "small: $m_1 = (1-\\beta_1)g_1$ and $v_1 = "
                                   "(1-\\beta_2)g_1^2$. Dividing by $1-\\beta_1^t$ and "
                                   "$1-\\beta_2^t$ undoes this exactly: $\\hat m_1 = g_1$, and "
                                   "the first step is one learning rate per coordinate. "
                                   "Without the correction the two shrinkages do not cancel: "
                                   "the first step is $(1-\\beta_1)/\\sqrt{1-\\beta_2}$ times "
                                   "the corrected one.",
    "lesson.bias_correction.erratum": "About the course text: it says this ratio is “about "
                                      "0.316, so the step is far too small”. The formula is "
                                      "right, the number is upside down. For β1 = 0.9 and "
                                      "β2 = 0.999 the ratio is 0.1/√0.001 ≈ 3.162: without "
                                      "bias correction Adam's first step is about three times "
                                      "too large, not too small. The measurement below "
                                      "shows it.",
    "lesson.bias_correction.result": "Measured first step, in units of lr: {step_off} without "
                                     "correction, {step_on} with it. Ratio {ratio}; the "
                                     "formula (1−β1)/√(1−β2) gives {formula}. (The course's "
                                     "number is the reciprocal, {book}.)",
    "lesson.bias_correction.n.step_off": "First step ÷ lr, no correction",
    "lesson.bias_correction.n.step_on": "First step ÷ lr, corrected",
    "lesson.bias_correction.n.formula": "(1−β1)/√(1−β2)",
    # --- 11 epsilon ---
    "lesson.epsilon.title": "ε where the gradient is exactly zero",
    "lesson.epsilon.text": "Start Adam exactly at the bottom of a bowl, where the gradient is "
                           "0. Then $m = v = 0$ and the update is $0/(0+\\epsilon)$. With "
                           "$\\epsilon > 0$ that is simply 0, and Adam stays put. With "
                           "$\\epsilon = 0$ it is $0/0$, which is not a number. The engine "
                           "does not crash and draws no nonsense: it stops that run and says "
                           "at which step, and why.",
    "lesson.epsilon.result_broke": "With ε = 0 the run stopped at step {stopped}: {reason}.",
    "lesson.epsilon.result_ok": "With ε > 0 nothing breaks: the update is exactly 0 and Adam "
                                "stays where it is (it moved {moved}).",
    "lesson.epsilon.n.stopped": "Stopped at step",
    # --- 12 scale ---
    "lesson.scale.title": "Scale invariance",
    "lesson.scale.text": "Multiply the whole loss by $c$, or only the x-gradient by $s$. "
                         "Gradient descent's step is multiplied too: a small $c$ freezes it, a "
                         "large one makes it blow up. Adam's step is $\\hat m/\\sqrt{\\hat v}$: "
                         "the $c$ on top and the $\\sqrt{c^2}$ below cancel, so the path stays "
                         "the same (exactly so as $\\epsilon \\to 0$). Only the square root "
                         "does this: with $v^p$ below, a factor $c^{1-2p}$ would remain.",
    "lesson.scale.result": "Largest distance between Adam's scaled and unscaled paths: "
                           "{adam_dev}. Gradient descent's scaled run left its path by "
                           "{gd_dev} and blew up at step {gd_stopped}.",
    "lesson.scale.result_finite": "Largest distance between Adam's scaled and unscaled paths: "
                                  "{adam_dev}. Gradient descent's scaled run ended up {gd_dev} "
                                  "away from its unscaled path.",
    "lesson.scale.n.adam_dev": "Adam: largest change",
    "lesson.scale.n.gd_dev": "GD: largest change",
    "lesson.scale.n.gd_stopped": "GD: blew up at step",
    # --- 13 memory ---
    "lesson.memory.title": "Momentum remembers",
    "lesson.memory.text": "Let Adam run down a long, even slope for 40 steps: its $m$ and $v$ "
                          "learn that downhill is to the left. Now carry it, state and all, "
                          "into a U-shaped valley whose bottom is exactly where it stands. The "
                          "gradient there is zero, but $m$ is not: Adam keeps going, past the "
                          "bottom, until the valley's gradient has turned $m$ around. A fresh "
                          "Adam at the same spot has $g = 0$ and $m = 0$, and does not move at "
                          "all. The longer $\\beta_1$'s memory, the further the overshoot.",
    "lesson.memory.result": "With its state kept, Adam went as far as {flung} past the bottom "
                            "(at step {flung_at}); a rough upper bound is lr/(1−β1) = "
                            "{estimate}. The fresh Adam moved {fresh}.",
    "lesson.memory.caption_valley": "Part 2, on the U-shaped valley: Adam arrives with its "
                                    "state (solid) and a fresh Adam starts at the same spot "
                                    "(dotted, it stays on its end marker).",
    "lesson.memory.caption_slope": "Part 1, on a different landscape, the even slope "
                                   "f = x + y²/2: 40 steps from (4, 0) down to the origin.",
    "lesson.memory.n.flung": "Overshoot",
    "lesson.memory.n.estimate": "lr/(1−β1)",
    "lesson.memory.n.flung_at": "At step",
    "lesson.memory.n.fresh": "Fresh Adam moved",
    # --- 14 scar ---
    "lesson.scar.title": "One huge gradient leaves a scar",
    "lesson.scar.text": "On a slope with a steady gradient, one step's gradient is multiplied "
                        "by 1000 (step 3000 of the run; the chart counts steps from the "
                        "spike). It enters $v$ squared: $\\hat v$ jumps by about "
                        "$(1-\\beta_2)\\cdot 1000^2$ times the usual $g^2$ and then fades by "
                        "only $\\beta_2$ per step. With $\\beta_2 = 0.999$, 500 steps later "
                        "$0.999^{500} \\approx 0.61$ of it is still there, so the effective "
                        "learning rate is still about 25 times too small; with "
                        "$\\beta_2 = 0.9$ it heals in about a hundred steps. A spike the wrong "
                        "way (−1000) also flips $m$. Its memory time is "
                        "$1/(1-\\beta_1) = 10$ steps, but the spike enters $m$ as "
                        "$(1-\\beta_1)\\cdot 1000 = 100$ times the usual gradient, and that "
                        "needs about $\\ln 100/\\ln(1/0.9) \\approx 44$ steps to fade; the "
                        "path walks backwards meanwhile.",
    "lesson.scar.result": "Right after the spike the effective learning rate fell {drop}×; "
                          "500 steps later it is still {ratio_500}× below normal (the formula "
                          "gives {formula}×), and it is not back within 10% in the 700 steps "
                          "shown. Steps walked backwards: {wrong_way}.",
    "lesson.scar.result_back": "Right after the spike the effective learning rate fell "
                               "{drop}×; 500 steps later it is {ratio_500}× below normal "
                               "(formula {formula}×). It was back within 10% after {recovery} "
                               "steps. Steps walked backwards: {wrong_way}.",
    "lesson.scar.n.drop": "Drop at the spike",
    "lesson.scar.n.ratio_500": "Still smaller after 500 steps",
    "lesson.scar.n.recovery": "Back within 10% after",
    "lesson.scar.n.wrong_way": "Steps backwards",
    # --- 15 implicit bias ---
    "lesson.implicit_bias.title": "Implicit bias: which minimum?",
    "lesson.implicit_bias.text": "$f = (w_1 + 2w_2 - 1)^2$ is zero on a whole line, so the "
                                 "minimum is not one point, and which point an optimizer "
                                 "finds depends on the optimizer. Every gradient is a multiple "
                                 "of $(1, 2)$, so gradient descent from the origin moves only "
                                 "along that direction and stops at the point of the line "
                                 "nearest the origin, $(0.2, 0.4)$. Adam divides each "
                                 "coordinate by its own gradient history; here the second "
                                 "coordinate's gradient is always exactly twice the first's, "
                                 "the factor cancels, and every Adam step points along "
                                 "$(1, 1)$: it stops at $(1/3, 1/3)$.",
    "lesson.implicit_bias.result": "Gradient descent ended at ({gd_x}, {gd_y}); Adam at "
                                   "({adam_x}, {adam_y}).",
    "lesson.implicit_bias.n.gd_x": "GD: w₁",
    "lesson.implicit_bias.n.gd_y": "GD: w₂",
    "lesson.implicit_bias.n.adam_x": "Adam: w₁",
    "lesson.implicit_bias.n.adam_y": "Adam: w₂",
    # --- 16 coupled ---
    "lesson.coupled.title": "Adam + L2 versus AdamW",
    "lesson.coupled.text": "Here $f = x^2/2$: the coordinate $y$ has no loss gradient at all, "
                           "so only weight decay can move it. Plain Adam never touches it. "
                           "Adam + L2 (PyTorch's `Adam(weight_decay=λ)`) adds $\\lambda y$ to "
                           "the gradient, and then Adam divides by $\\sqrt{\\hat v} \\approx "
                           "|\\lambda y|$: λ cancels, and $y$ drops by about one learning rate "
                           "per step whatever λ is. AdamW shrinks $y$ outside the "
                           "normalisation, by exactly $(1-\\eta\\lambda)$ per step. Coupled "
                           "decay is also weaker on weights with large gradients: there "
                           "$\\lambda y$ is small next to the gradient inside $\\sqrt{\\hat v}$.",
    "lesson.coupled.result": "Plain Adam moved y by {adam_moved}. Adam + L2: over the first 50 "
                             "steps y fell by {l2_step} × lr per step. AdamW: y was multiplied "
                             "by {adamw_factor} every step (1 − lr·λ = {expected_factor}).",
    "lesson.coupled.n.adam_moved": "Adam: y moved",
    "lesson.coupled.n.l2_step": "Adam + L2: y step ÷ lr",
    "lesson.coupled.n.adamw_factor": "AdamW: y factor per step",
    # --- 17 endpoint ---
    "lesson.endpoint.title": "AdamW settles near 1/λ",
    "lesson.endpoint.text": "AdamW on a bowl whose minimum is at (5, 5), lr 0.01. At rest the "
                            "decay $\\eta\\lambda\\theta$ must cancel Adam's step "
                            "$\\eta\\,\\hat m/\\sqrt{\\hat v}$. While the gradient keeps one "
                            "sign, $\\hat m/\\sqrt{\\hat v} \\approx 1$ however large the "
                            "gradient is, so the balance is at $\\theta \\approx 1/\\lambda$, "
                            "not at the loss's minimum. Plain Adam goes to (5, 5).",
    "lesson.endpoint.result": "AdamW ended at ({x}, {y}); 1/λ = {target}. Plain Adam ended at "
                              "x = {adam_x}.",
    "lesson.endpoint.n.x": "AdamW: x",
    "lesson.endpoint.n.y": "AdamW: y",
    "lesson.endpoint.n.target": "1/λ",
    # --- 18 product ---
    "lesson.product.title": "Only lr × λ matters for the decay",
    "lesson.product.text": "AdamW shrinks a weight by $(1-\\eta\\lambda)$ per step. Divide the "
                           "learning rate by $k$ and multiply λ by $k$: the factor is "
                           "unchanged, and the coordinate without a loss gradient ($y$) "
                           "follows exactly the same path. The coordinate with a gradient "
                           "($x$) takes lr-sized steps, so it does notice.",
    "lesson.product.result": "Compared at the same step, the two runs' y never differ by more "
                             "than {y_diff}; their x differ by up to {x_diff} (the map shows "
                             "two different curves because x moves at a different speed). "
                             "Decay factor per step in both: {factor}.",
    "lesson.product.n.y_diff": "Largest gap in y at the same step",
    "lesson.product.n.x_diff": "Largest gap in x at the same step",
    "lesson.product.n.factor": "1 − lr·λ",
    # --- 19 bayes ---
    "lesson.bayes.title": "L2 as a Gaussian prior",
    "lesson.bayes.text": "Give the weights a Gaussian prior, $w \\sim \\mathcal N(0, "
                         "\\sigma^2 I)$. The most probable weights after seeing the data "
                         "minimise $L(w) - \\log p(w)$, and $-\\log p(w)$ is "
                         "$\\lVert w\\rVert^2/(2\\sigma^2)$ plus a constant. So adding "
                         "$\\tfrac{\\lambda}{2}\\lVert w\\rVert^2$ to the loss is believing, "
                         "before any data, that weights are small, with $\\lambda = "
                         "1/\\sigma^2$: a strong penalty is a narrow prior. The match is exact "
                         "for L2 added to the loss. Decoupled decay (AdamW) matches this "
                         "prior only when the optimizer is plain gradient descent; under "
                         "Adam's rescaling it does not. (Text only: there is nothing to "
                         "run.)",
    # --- 20 warm-up ---
    "lesson.warmup.title": "Warm-up",
    "lesson.warmup.text": "At the first step Adam's $\\hat m/\\sqrt{\\hat v}$ is just the sign "
                          "of the gradient, so the step is a full learning rate in every "
                          "coordinate however steep the ground. Started at $(-1.5, 2)$ on the "
                          "steep wall of the Rosenbrock valley at lr 0.3, that first step "
                          "overshoots across the valley and the loss jumps. A linear warm-up, "
                          "$\\eta_t = \\eta\\min(1, t/w)$, keeps the first steps small while "
                          "Adam's moments learn the terrain. With $w = 50$, by the time the "
                          "rate reaches its peak Adam is already on the valley floor, the full "
                          "rate stays stable from there, and the run ends far lower. Too short "
                          "a warm-up (try $w = 10$) is not enough.",
    "lesson.warmup.result": "Start loss {start_loss}. Without warm-up the very first step "
                            "took the loss to {jump_const}× the start (peak {peak_const} in "
                            "the first 50 steps); with warm-up it never rose above "
                            "{peak_warm}. When the rate reached its peak, the warm-up run was "
                            "{floor_gap} from the valley floor (|y − x²|), and from there its "
                            "loss kept falling. Loss after 400 steps: {end_const} without "
                            "warm-up, {end_warm} with warm-up.",
    "lesson.warmup.result_rough": "Start loss {start_loss}. Without warm-up the very first "
                                  "step took the loss to {jump_const}× the start (peak "
                                  "{peak_const} in the first 50 steps); with this short "
                                  "warm-up the peak was {peak_warm}. When the rate reached its "
                                  "peak the run was still {floor_gap} from the valley floor "
                                  "(|y − x²|), and its loss later climbed back to {rise_warm}× "
                                  "its best so far. Loss after 400 steps: {end_const} without "
                                  "warm-up, {end_warm} with warm-up.",
    "lesson.warmup.result_none": "With w = 0 there is no warm-up: both runs are the same. The "
                                 "very first step took the loss from {start_loss} to "
                                 "{jump_const}× the start (peak {peak_const}).",
    "lesson.warmup.n.start_loss": "Loss at the start",
    "lesson.warmup.n.peak_const": "Peak loss, no warm-up",
    "lesson.warmup.n.peak_warm": "Peak loss, warm-up",
    # --- 21 cycles ---
    "lesson.cycles.title": "Restarts and cyclical learning rates",
    "lesson.cycles.text": "Gradient descent cannot stay in a well whose curvature $h$ exceeds "
                          "$2/\\eta$: each step overshoots more than the last. The narrow well "
                          "here has $h \\approx 37$, so it turns unstable above "
                          "$\\eta \\approx 0.053$; the wide well is stable for every rate "
                          "used. A constant small rate stays in the narrow well for good. A "
                          "triangular cyclical rate and cosine annealing with warm restarts "
                          "both pass through high-rate phases that throw the iterate out, and "
                          "their low-rate phases let it settle in the wide well. Crossing "
                          "$2/h$ is necessary but not enough: just above it the iterate only "
                          "rattles in place. Read lr(t) beside the path.",
    "lesson.cycles.result": "Instability threshold 2/h = {threshold}. Left the narrow well "
                            "(x > 0.5): constant rate {escape_const_at}; cyclical rate "
                            "{escape_cyclic_at} (lr {lr_cyclic} then); warm restarts "
                            "{escape_restarts_at} (lr {lr_restarts}). Where they ended: "
                            "{basin_const}, {basin_cyclic}, {basin_restarts}.",
    "lesson.cycles.never": "never",
    "lesson.cycles.n.threshold": "2/h of the narrow well",
    "lesson.cycles.n.escape_cyclic": "Cyclical: out at step",
    "lesson.cycles.n.escape_restarts": "Restarts: out at step",
    "lesson.cycles.n.escape_const": "Constant: out at step",
    # --- 22 clipping ---
    "lesson.clipping.title": "Clip before or after the moments?",
    "lesson.clipping.text": "The same 1000× spike as in the scar experiment, now with "
                            "clipping. Clipping the raw gradient (norm ≤ 2; the usual gradient "
                            "has norm 1.41) stops the spike before it reaches $m$ and $v$: no "
                            "scar. Clipping only the final step (norm ≤ 2·lr) keeps that one "
                            "step small, but $v$ has already swallowed the spike, so the "
                            "effective learning rate stays small for hundreds of steps, just "
                            "as with no clipping at all.",
    "lesson.clipping.result": "500 steps after the spike the effective lr is still smaller "
                              "than before it by a factor of {ratio_none} without clipping, "
                              "{ratio_before} when the gradient is clipped, {ratio_after} when "
                              "the step is clipped. The spike's own step, in units of lr: "
                              "{step_none}, {step_before}, {step_after}.",
    "lesson.clipping.n.ratio_none": "No clipping: factor",
    "lesson.clipping.n.ratio_before": "Clip gradient: factor",
    "lesson.clipping.n.ratio_after": "Clip step: factor",
    "lesson.clipping.n.step_after": "Clip step: spike step ÷ lr",
    # --- 23 cloud ---
    "lesson.cloud.title": "The noise cloud",
    "lesson.cloud.text": "Add noise of size σ to every gradient on the round bowl "
                         "$f = x^2 + y^2 = \\tfrac h2 (x^2 + y^2)$ with $h = 2$. SGD never "
                         "settles on the minimum: it keeps jittering in a cloud around it. "
                         "For this linear recursion the cloud's stationary variance is known "
                         "exactly, "
                         "$\\eta\\sigma^2/(h(2-\\eta h))$. We pool 200 seeded runs after a "
                         "burn-in of 200 steps; Adam runs on the same kind of noise beside "
                         "it (its cloud has no simple formula).",
    "lesson.cloud.result": "Measured variance {measured}, formula {formula} (difference "
                           "{rel_error}). The cloud's centre is off the minimum by at most "
                           "{bias}. Adam's cloud has variance {adam_var}.",
    "lesson.cloud.n.measured": "SGD: measured variance",
    "lesson.cloud.n.formula": "Formula",
    "lesson.cloud.n.rel_error": "Difference",
    "lesson.cloud.n.adam_var": "Adam: measured variance",
    # --- 24 ridge ---
    "lesson.ridge.title": "Ridge regression",
    "lesson.ridge.text": "The landscape is the loss of a line $y = w_1 a + w_2$ fitted to 40 "
                         "noisy points, plus a ridge penalty: $f(w) = \\tfrac1n\\lVert Aw - "
                         "b\\rVert^2 + \\tfrac{\\lambda}{2}\\lVert w\\rVert^2$. Its minimum has "
                         "a closed form. Adam, with a cosine schedule so that its last steps "
                         "are tiny, lands on it. The larger λ, the further the solution moves "
                         "from the unpenalised fit (marker λ=0) towards the origin.",
    "lesson.ridge.result": "Adam ended at ({adam_w1}, {adam_w2}); the closed form is "
                           "({exact_w1}, {exact_w2}); distance {error}.",
    "lesson.ridge.n.adam_w1": "Adam: w₁",
    "lesson.ridge.n.adam_w2": "Adam: w₂",
    "lesson.ridge.n.exact_w1": "Closed form: w₁",
    "lesson.ridge.n.exact_w2": "Closed form: w₂",
    # --- 25 huber ---
    "lesson.huber.title": "Huber loss and outliers",
    "lesson.huber.text": "The same kind of data, but a few points sit far off the line. The "
                         "squared loss lets every point pull in proportion to its error, so a "
                         "few big errors drag the fit away. The Huber loss is quadratic for "
                         "small errors and linear for large ones: no point pulls harder than "
                         "δ. Its minimum stays near the weights that made the clean data, "
                         "(2, −1). Adam finds both minima; the map shows the Huber loss and "
                         "marks where the squared loss ended.",
    "lesson.huber.result": "Distance from the true weights (2, −1): squared-loss fit {err_sq}, "
                           "Huber fit {err_huber}. Both of Adam's end points are within "
                           "{adam_vs_exact} of the exact minima.",
    "lesson.huber.n.err_sq": "Squared loss: distance to truth",
    "lesson.huber.n.err_huber": "Huber: distance to truth",
    "lesson.huber.n.adam_vs_exact": "Adam vs exact minimum",
    # --- 26 split ---
    "lesson.split.title": "Training versus validation loss",
    "lesson.split.text": "Fit the line to only 8 training points and keep 40 other points from "
                         "the same source for validation. The landscape is the training loss; "
                         "along each path we also evaluate the validation loss. Its minimum is "
                         "elsewhere, so while the optimizer homes in on the training minimum "
                         "the validation loss first falls, then rises: its lowest point is "
                         "where early stopping would stop.",
    "lesson.split.result": "The validation loss was lowest at step {best_gd} for gradient "
                           "descent and {best_adam} for Adam. At the end it is above the "
                           "training loss by {gap_gd} (GD) and {gap_adam} (Adam).",
    "lesson.split.n.best_gd": "GD: best validation step",
    "lesson.split.n.best_adam": "Adam: best validation step",
    "lesson.split.n.gap_adam": "Final gap (val − train)",
    "lesson.label.GD train": "GD (train)",
    "lesson.label.GD val": "GD (validation)",
    "lesson.label.Adam train": "Adam (train)",
    "lesson.label.Adam val": "Adam (validation)",
    "lesson.label.val min": "validation minimum",
    # --- 27 imbalance ---
    "lesson.imbalance.title": "Class imbalance and uniform decay",
    "lesson.imbalance.text": "With imbalanced classes, the weights that serve the rare class "
                             "get small, infrequent gradients, while weight decay pulls on "
                             "every weight equally and at every step. Decay can then erase "
                             "what the rare class has learnt faster than its gradients "
                             "rebuild it. The usual remedies: reweight the loss (or resample "
                             "the data) so the rare class is not drowned out, or leave some "
                             "parameters out of the decay. Text only: a landscape with two "
                             "weights cannot show class frequencies honestly.",
    # --- 28 step inspector ---
    "lesson.inspector.title": "Step inspector",
    "lesson.inspector.intro": "Pick a scene and an optimizer, then drag the step slider. For "
                              "step $t$ you see the update three ways: arrows on the map, the "
                              "rule with this step's numbers filled in (as you would work it "
                              "out by hand), and a table. The charts below show $m$, $\\hat v$ "
                              "and the effective learning rate over the whole run.",
    "lesson.inspector.scene": "Scene",
    "lesson.inspector.scene.ravine": "Ravine",
    "lesson.inspector.scene.scar": "Gradient spike",
    "lesson.inspector.scene.adagrad": "Long slope",
    "lesson.inspector.scene.oscillation": "Flipping gradient",
    "lesson.inspector.scene.saddle": "Saddle",
    "lesson.inspector.hint.ravine": "At step 1 m̂ = g, so the step is one learning rate in each "
                                    "coordinate. Later, y's gradient keeps flipping sign, and "
                                    "its m̂ shrinks while its v̂ stays large.",
    "lesson.inspector.hint.scar": "At step 100 the gradient is 1000 times larger. Look at v̂ "
                                  "and the effective learning rate after it: the scar. Switch "
                                  "β2 to 0.9 to see it heal.",
    "lesson.inspector.hint.adagrad": "Adagrad's effective learning rate only falls, as "
                                     "lr/√t on this even slope. Switch to RMSProp or Adam and "
                                     "it stays level.",
    "lesson.inspector.hint.oscillation": "The gradient is +10, −10, +10, …: m hovers near 0, "
                                         "v̂ is 100 from the start, and the steps are tiny.",
    "lesson.inspector.hint.saddle": "Adam leaves the saddle at step 44: watch the y step stay "
                                    "near one learning rate although the y-gradient is tiny.",
    "lesson.inspector.optimizer": "Optimizer",
    "lesson.inspector.step": "Step t",
    "lesson.inspector.stopped": "The run stopped at step {step}: {reason}.",
    "lesson.inspector.formula": "**The update of step t, with the live numbers**",
    "lesson.inspector.quantity": "quantity",
    "lesson.inspector.arrow.g": "−g",
    "lesson.inspector.arrow.m": "−m̂",
    "lesson.inspector.arrow.step": "Δθ",
    "lesson.inspector.arrow_note": "Arrows start at θₜ₋₁. They are drawn at one length so "
                                   "their directions can be compared; the true sizes are in "
                                   "the formula and the table.",
    "lesson.inspector.q.theta_prev": "θ before the step (θₜ₋₁)",
    "lesson.inspector.q.g": "gradient gₜ",
    "lesson.inspector.q.m": "first moment mₜ",
    "lesson.inspector.q.v": "second moment vₜ",
    "lesson.inspector.q.v_max": "running maximum of v",
    "lesson.inspector.q.m_hat": "corrected m̂ₜ",
    "lesson.inspector.q.v_hat": "corrected v̂ₜ",
    "lesson.inspector.q.eff_lr": "effective learning rate",
    "lesson.inspector.q.update": "step Δθ",
    "lesson.inspector.q.theta": "θ after the step (θₜ)",
}

ZH: dict[str, str] = {
    # --- shared ------------------------------------------------------------------------------
    "lesson.never": "从未",
    "lesson.link.open": "在试验场中打开这个预设 →",
    "lesson.link.none": "这个预设用的是专为本课搭建的地形，所以没有试验场链接。",
    "lesson.link.partial": "试验场会以相同的地形、优化器、起点和设置打开；试验场里没有对应"
                           "控件的部分（梯度尖峰、缩放、同一优化器的第二条轨迹、关闭偏差修正）"
                           "不会带过去。",
    "lesson.link.snapped": "试验场的滑块上没有完全相同的值，会改用最接近的值：{values}。",
    "lesson.fig.step": "步数",
    "lesson.fig.loss": "损失",
    "lesson.fig.play": "▶ 播放",
    "lesson.fig.pause": "❚❚ 暂停",
    "lesson.fig.minimum": "已知极小值",
    "lesson.fig.saddle": "鞍点",
    "lesson.fig.start": "起点",
    "lesson.fig.diverged": "第 {step} 步发散（{cause}）",
    "lesson.fig.stopped": "第 {step} 步停止：{cause}",
    "lesson.fig.stop.nonfinite_update": "0/0",
    "lesson.fig.cause.nonfinite_grad": "梯度溢出",
    "lesson.fig.cause.nonfinite_update": "步长溢出",
    "lesson.fig.cause.nonfinite_loss": "损失溢出",
    "lesson.fig.cause.out_of_bounds": "飞出 10⁶ 之外",
    "lesson.step_at": "第 {step} 步",
    "lesson.axis.g": "梯度 g（x 坐标）",
    "lesson.axis.m_osc": "一阶矩 m（x 坐标）",
    "lesson.axis.v": "二阶矩（x 坐标）",
    "lesson.axis.x": "x",
    "lesson.axis.y": "y",
    "lesson.axis.value": "数值",
    "lesson.axis.step_length": "步长 |Δx|",
    "lesson.axis.eff_lr_rel": "有效学习率 ÷ 尖峰前的值",
    "lesson.axis.m": "m（x 坐标）",
    "lesson.axis.lr": "学习率",
    "lesson.axis.loss": "损失",
    "lesson.axis.variance": "迭代点的方差",
    "lesson.code.nonfinite_update": "更新量变成了 NaN（0/0），无法继续",
    "lesson.code.nonfinite_grad": "梯度变成了 NaN 或无穷大，无法继续",
    "lesson.code.nonfinite_loss": "损失变成了 NaN 或无穷大，无法继续",
    "lesson.code.out_of_bounds": "迭代点飞出了 |x| ≤ 10⁶ 的范围",
    "lesson.code.sharp": "窄坑",
    "lesson.code.flat": "宽坑",
    "lesson.label.GD": "梯度下降",
    "lesson.label.Momentum": "动量",
    "lesson.label.min": "最小值 (5, 5)",
    "lesson.label.Adam, state kept": "Adam，保留状态",
    "lesson.label.Adam, fresh": "Adam，全新开始",
    "lesson.label.Adam, down the slope": "Adam，沿斜坡下行",
    "lesson.label.Adam, no bias corr.": "Adam，无偏差修正",
    "lesson.label.Adam β1=0, no bias corr.": "Adam β1=0，无偏差修正",
    "lesson.label.Adam + warm-up": "Adam + 预热",
    "lesson.label.Adam + L2": "Adam + L2",
    "lesson.label.GD constant": "梯度下降，恒定学习率",
    "lesson.label.GD cyclic": "梯度下降，循环学习率",
    "lesson.label.GD cosine restarts": "梯度下降，余弦热重启",
    "lesson.label.GD + clip 1": "梯度下降 + 裁剪",
    "lesson.label.Adam, Huber": "Adam，Huber 损失",
    "lesson.label.none": "不裁剪",
    "lesson.label.before": "裁剪梯度",
    "lesson.label.after": "裁剪步长",
    "lesson.label.true w": "真实权重",
    "lesson.label.squared": "平方损失的解",
    "lesson.label.GD train": "梯度下降（训练）",
    "lesson.label.GD val": "梯度下降（验证）",
    "lesson.label.Adam train": "Adam（训练）",
    "lesson.label.Adam val": "Adam（验证）",
    "lesson.label.val min": "验证集最小值",
    "lesson.label.formula": "公式",
    # --- controls ---
    "lesson.control.scene": "地形",
    "lesson.option.scene.quadratic": "拉长的二次函数",
    "lesson.option.scene.rosenbrock": "Rosenbrock 峡谷",
    "lesson.control.momentum": "动量 μ",
    "lesson.control.y0": "起点 y₀",
    "lesson.control.sigma": "梯度噪声 σ",
    "lesson.control.lr": "学习率 η",
    "lesson.control.beta1": "β1",
    "lesson.control.beta2": "β2",
    "lesson.control.steps": "步数",
    "lesson.control.eps": "ε",
    "lesson.control.c": "损失缩放 c",
    "lesson.control.s": "x 方向梯度缩放 s",
    "lesson.control.factor": "尖峰倍数",
    "lesson.control.wd": "权重衰减 λ",
    "lesson.control.k": "k（lr ÷ k，λ × k）",
    "lesson.control.warmup": "预热步数 w",
    "lesson.control.peak": "最高学习率",
    "lesson.control.mode": "图中画出的裁剪方式",
    "lesson.option.mode.before": "裁剪梯度",
    "lesson.option.mode.after": "裁剪步长",
    "lesson.control.lam": "岭系数 λ",
    "lesson.control.outliers": "离群点个数",
    # --- themes ---
    "lesson.nav.terrain": "地形",
    "lesson.nav.inside_adam": "拆解 Adam",
    "lesson.nav.weight_decay": "权重衰减",
    "lesson.nav.schedules": "调度与裁剪",
    "lesson.nav.noise": "噪声与统计",
    "lesson.nav.inspector": "逐步检查器",
    "lesson.theme.terrain.title": "地形",
    "lesson.theme.terrain.intro": "损失曲面的形状，决定了优化器往哪儿走、走多快。每个标签页"
                                  "是一个实验：一个预设、一两个控件、实时路径，还有说明问题的"
                                  "关键数字。",
    "lesson.theme.inside_adam.title": "拆解 Adam",
    "lesson.theme.inside_adam.intro": "Adam 的两个矩里到底装着什么：会相互抵消的平均、挥之"
                                      "不去的记忆、举足轻重的修正。想看一次更新里的每一个数，"
                                      "请打开“逐步检查器”。",
    "lesson.theme.weight_decay.title": "权重衰减：Adam + L2 与 AdamW",
    "lesson.theme.weight_decay.intro": "把 λθ 加到梯度上（Adam + L2），和直接收缩 θ"
                                       "（AdamW），听起来差不多；可在 Adam 的归一化之下，"
                                       "两者的表现截然不同。",
    "lesson.theme.schedules.title": "学习率调度与裁剪",
    "lesson.theme.schedules.intro": "学习率随时间怎么变、裁剪放在更新的哪一步，都会改变"
                                    "结果。",
    "lesson.theme.noise.title": "噪声与统计",
    "lesson.theme.noise.intro": "带噪声的梯度，由数据定义的损失：统计理论预言了什么，我们"
                                "实测给你看。",
    # --- 1 ravine ---
    "lesson.ravine.title": "狭窄的山谷",
    "lesson.ravine.text": "在又长又窄的山谷里，梯度几乎都指向最近的谷壁，很少沿着谷底。"
                          "梯度下降照着梯度走，于是在两侧谷壁之间来回弹跳，沿谷底只能慢慢挪。"
                          "Adam 让每个坐标除以它自己的梯度大小：横穿山谷的陡方向步子变短，"
                          "沿谷底的缓方向步子变长。可以在拉长的二次函数"
                          "（$f = (0.1x^2 + 10y^2)/2$，梯度下降的学习率取 0.18，略小于 "
                          "$2/10$）和弯曲的 Rosenbrock 峡谷上分别试试。",
    "lesson.ravine.result": "前 100 步里，梯度下降穿过谷底 {gd_bounces} 次，Adam 只有 "
                            "{adam_bounces} 次。进入最小值 0.1 以内：梯度下降用了 {gd_steps} "
                            "步，Adam 用了 {adam_steps} 步。",
    "lesson.ravine.n.gd_bounces": "梯度下降：穿过谷底次数（前 100 步）",
    "lesson.ravine.n.adam_bounces": "Adam：穿过谷底次数",
    "lesson.ravine.n.gd_steps": "梯度下降：到达所需步数",
    "lesson.ravine.n.adam_steps": "Adam：到达所需步数",
    # --- 2 plateau ---
    "lesson.plateau.title": "平台区",
    "lesson.plateau.text": "在几乎平坦的平台区上，梯度非常小。梯度下降每步走“学习率 × 梯度”，"
                           "几乎原地不动。动量把同一个小推力一次次累加起来，越走越快，最终可"
                           "达普通步长的 $1/(1-\\mu)$ 倍。Adam 用梯度除以它自己的大小，所以"
                           "不管地面多平，每个坐标每步都走大约一个学习率。",
    "lesson.plateau.result": "起点处的梯度大小：{grad}。学习率 0.02、走 400 步后，梯度下降"
                             "移动了 {gd}，动量 {momentum}，Adam {adam}。Adam 前 50 步里，"
                             "较大那个坐标平均每步走了 {adam_step} 倍学习率。",
    "lesson.plateau.caption": "在这个比例尺下，梯度下降的整条路径都藏在起点的圆圈底下：它只"
                              "走了上面给出的那一点距离。每条路径末端的圆点标出该次运行停下"
                              "的位置。",
    "lesson.plateau.n.grad": "起点处 |g|",
    "lesson.plateau.n.gd": "梯度下降：移动距离",
    "lesson.plateau.n.momentum": "动量：移动距离",
    "lesson.plateau.n.adam": "Adam：移动距离",
    "lesson.plateau.n.adam_step": "Adam：步长 ÷ 学习率",
    # --- 3 saddle ---
    "lesson.saddle.title": "鞍点",
    "lesson.saddle.text": "$f = x^2 - y^2 + y^4/4$ 在原点有一个鞍点：沿 $x$ 是上坡，沿 $y$ "
                          "是下坡。从 $(1, y_0)$ 出发，$y_0$ 非常小。在 $y = 0$ 附近，离开"
                          "鞍点的推力与 $y$ 本身成正比，所以梯度下降（学习率 0.01）每步只让 "
                          "$y$ 增大约 2%。Adam 则把这个微小的梯度放大成完整的一步。我们记录"
                          "第一次满足 $|y_t| > 0.5$ 的步数 $t$，$y_t$ 指第 $t$ 步之后的位置。",
    "lesson.saddle.result": "逃离鞍点（|y| > 0.5）：Adam 在第 {adam} 步，梯度下降在第 {gd} 步。",
    "lesson.saddle.result_stuck": "两者都没能逃离鞍点。正好从 y = 0 出发时，y 方向的梯度恰好为"
                                  "零：梯度下降不会离开这条线，Adam 也不会，它算出的步长是 0 "
                                  "除以 (0 + ε)。加一点梯度噪声，就能打破这种平衡。",
    "lesson.saddle.n.adam": "Adam：逃离步数",
    "lesson.saddle.n.gd": "梯度下降：逃离步数",
    # --- 4 bowl ---
    "lesson.bowl.title": "圆碗：基准",
    "lesson.bowl.text": "圆碗 $f = x^2 + y^2$ 只有一个最小值，没有任何陷阱。每种方法都能"
                        "到达，区别只在路线和速度。把这幅图记在心里，作为看更难地形时的参照。",
    "lesson.bowl.result": "五条路径都到达了最小值（剩下的最大距离：{worst_end}）。进入 0.01 "
                          "范围所需步数：SGD {reach_sgd}，动量 {reach_momentum}，RMSProp "
                          "{reach_rmsprop}，Adam {reach_adam}，AdamW {reach_adamw}。",
    "lesson.bowl.n.reach_sgd": "SGD：步数",
    "lesson.bowl.n.reach_momentum": "动量：步数",
    "lesson.bowl.n.reach_rmsprop": "RMSProp：步数",
    "lesson.bowl.n.reach_adam": "Adam：步数",
    "lesson.bowl.n.reach_adamw": "AdamW：步数",
    # --- 5 sharp / flat ---
    "lesson.sharp_flat.title": "尖锐极小与平坦极小",
    "lesson.sharp_flat.text": "这个地形有两个坑：路上一个又窄又陡，右边远一点一个又宽又缓。"
                              "梯度下降滚进窄坑就出不来了，Adam 也一样。动量很大时，迭代点"
                              "冲到窄坑时速度太快，直接穿了过去，最后停在宽坑里。终点处 "
                              "Hessian 的迹告诉我们坑底有多尖：窄坑的迹大，宽坑的迹小。",
    "lesson.sharp_flat.result": "各路径终点处 Hessian 的迹：梯度下降 {trace_gd}（{basin_gd}），"
                                "Adam {trace_adam}（{basin_adam}），动量 {trace_heavy}"
                                "（{basin_heavy}）。",
    "lesson.sharp_flat.n.trace_gd": "梯度下降终点的 tr H",
    "lesson.sharp_flat.n.trace_adam": "Adam 终点的 tr H",
    "lesson.sharp_flat.n.trace_heavy": "动量终点的 tr H",
    # --- 6 wall ---
    "lesson.wall.title": "排斥墙",
    "lesson.wall.text": "靠近类似 Lennard-Jones 势的墙时，损失按 $(1/x)^{12}$ 增长，那里的"
                        "梯度大得惊人。梯度下降每步走“学习率 × 梯度”：在墙边只走一步，迭代"
                        "点就会被甩到很远，甚至飞向无穷远。Adam 的第一步不论梯度多大，每个"
                        "坐标都只走大约一个学习率。把梯度范数裁剪到 1，也能同样限制梯度下降"
                        "的步长。",
    "lesson.wall.result": "起点处的梯度大小：{grad}，所以梯度下降的第一步长达 {gd_jump}；它在"
                          "第 {gd_stopped} 步停止。离起点最远的距离：Adam {adam_far}，带裁剪的"
                          "梯度下降 {clip_far}。",
    "lesson.wall.n.grad": "起点处 |g|",
    "lesson.wall.n.gd_jump": "梯度下降：第一步长度",
    "lesson.wall.n.adam_far": "Adam：最远距离",
    "lesson.wall.n.clip_far": "梯度下降 + 裁剪：最远距离",
    "lesson.wall.n.gd_stopped": "梯度下降：停止的步数",
    # --- 7 oscillation ---
    "lesson.oscillation.title": "来回翻转的梯度",
    "lesson.oscillation.text": "给 Adam 一个每步都变号的梯度：+10、−10、+10、…… 一阶矩 $m$ "
                               "是梯度的平均，正负相互抵消，$m$ 一直在 0 附近。二阶矩 $v$ "
                               "平均的是梯度的平方，而平方永远是 100，所以 $\\hat v$ 从第一步"
                               "起就是 100；未修正的 $v$ 则按 $1-\\beta_2^t$ 慢慢爬向 100。"
                               "Adam 几乎不动：方向拿不准，步子就迈得小。下表逐步跟踪 x 坐标。",
    "lesson.oscillation.result": "最后 100 步里 |m| 始终不超过 {m_late}（稳态值 "
                                 "10(1−β1)/(1+β1) = {m_formula}）；3000 步后 v̂ = "
                                 "{v_hat_late}，未修正的 v = {v_late}。",
    "lesson.oscillation.n.m_late": "最后 100 步的 |m|",
    "lesson.oscillation.n.m_formula": "10(1−β1)/(1+β1)",
    "lesson.oscillation.n.v_hat_late": "最终的 v̂",
    "lesson.oscillation.n.v_late": "最终未修正的 v",
    # --- 8 adagrad ---
    "lesson.adagrad.title": "Adagrad 永不遗忘",
    "lesson.adagrad.text": "Adagrad 把见过的每一个梯度平方都累加起来。这个和只增不减，所以"
                           "它的步长 $\\eta/\\sqrt{s_t}$ 只会越来越小：梯度不变时正好是 "
                           "$\\eta/\\sqrt{t}$。跑得久了，坡还是那么陡，它却停滞不前。RMSProp "
                           "用的是滑动平均：旧梯度慢慢被遗忘，步长就一直保持活力。这里的斜坡"
                           "是 $f = x + y$。",
    "lesson.adagrad.result": "Adagrad 的步长从第 1 步的 {adagrad_first} 缩到最后的 "
                             "{adagrad_last}；RMSProp 仍是 {rmsprop_last}。在最后十分之一的"
                             "步数里，Adagrad 走过的距离只有最初十分之一的 {adagrad_share} 倍"
                             "（RMSProp：{rmsprop_share} 倍）。",
    "lesson.adagrad.n.adagrad_first": "Adagrad：第一步",
    "lesson.adagrad.n.adagrad_last": "Adagrad：最后一步",
    "lesson.adagrad.n.rmsprop_last": "RMSProp：最后一步",
    "lesson.adagrad.n.adagrad_share": "Adagrad：末段 ÷ 首段",
    # --- 9 rmsprop identity ---
    "lesson.rmsprop_identity.title": "β1 = 0 的 Adam 就是 RMSProp",
    "lesson.rmsprop_identity.text": "关掉 Adam 的一阶矩（$\\beta_1 = 0$，于是 $m = g$），再关掉"
                                    "偏差修正，剩下的就是 $g/(\\sqrt{v}+\\epsilon)$，其中 $v$ "
                                    "是 $g^2$ 的指数平均——这正是 $\\alpha = \\beta_2$ 的 "
                                    "RMSProp。引擎用两套不同的规则分别算出两条路径，它们却"
                                    "严丝合缝地重合在一起。",
    "lesson.rmsprop_identity.result": "1000 步内两条路径的最大差距：{max_diff}（每条路径长 "
                                      "{length}）。",
    "lesson.rmsprop_identity.n.max_diff": "最大差距",
    "lesson.rmsprop_identity.n.length": "路径长度",
    # --- 10 bias correction ---
    "lesson.bias_correction.title": "偏差修正与第一步",
    "lesson.bias_correction.text": "Adam 的两个矩都从零开始，所以一开始都偏小："
                                   "$m_1 = (1-\\beta_1)g_1$，$v_1 = (1-\\beta_2)g_1^2$。除以 "
                                   "$1-\\beta_1^t$ 和 $1-\\beta_2^t$ 正好把这点纠正回来："
                                   "$\\hat m_1 = g_1$，第一步在每个坐标上恰好走一个学习率。"
                                   "不做修正时，两处偏小并不能相互抵消：第一步是修正后的 "
                                   "$(1-\\beta_1)/\\sqrt{1-\\beta_2}$ 倍。",
    "lesson.bias_correction.erratum": "关于教材的一处错误：教材说这个比值“约为 0.316，步长"
                                      "太小”。公式没错，数字却算反了。β1 = 0.9、β2 = 0.999 "
                                      "时，比值是 0.1/√0.001 ≈ 3.162：不做偏差修正，Adam 的"
                                      "第一步大了约三倍，而不是太小。下面的实测结果可以"
                                      "证明这一点。",
    "lesson.bias_correction.result": "实测第一步（以学习率为单位）：不修正 {step_off}，修正后 "
                                     "{step_on}。比值 {ratio}；公式 (1−β1)/√(1−β2) 给出 "
                                     "{formula}。（教材里的数是它的倒数 {book}。）",
    "lesson.bias_correction.n.step_off": "第一步 ÷ 学习率（不修正）",
    "lesson.bias_correction.n.step_on": "第一步 ÷ 学习率（修正）",
    "lesson.bias_correction.n.formula": "(1−β1)/√(1−β2)",
    # --- 11 epsilon ---
    "lesson.epsilon.title": "梯度恰好为零时的 ε",
    "lesson.epsilon.text": "让 Adam 正好从碗底出发，那里的梯度是 0。于是 $m = v = 0$，更新量"
                           "是 $0/(0+\\epsilon)$。$\\epsilon > 0$ 时它就是 0，Adam 原地不动；"
                           "$\\epsilon = 0$ 时它是 $0/0$，不是一个数。引擎不会崩溃，也不会画出"
                           "乱七八糟的东西：它停下这条轨迹，告诉你停在哪一步、为什么。",
    "lesson.epsilon.result_broke": "ε = 0 时，运行在第 {stopped} 步停止：{reason}。",
    "lesson.epsilon.result_ok": "ε > 0 时一切正常：更新量正好是 0，Adam 停在原地（移动了 "
                                "{moved}）。",
    "lesson.epsilon.n.stopped": "停止的步数",
    # --- 12 scale ---
    "lesson.scale.title": "尺度不变性",
    "lesson.scale.text": "把整个损失乘以 $c$，或者只把 x 方向的梯度乘以 $s$。梯度下降的步长"
                         "也跟着变：$c$ 很小时几乎不动，$c$ 很大时直接发散。Adam 的步长是 "
                         "$\\hat m/\\sqrt{\\hat v}$：分子上的 $c$ 和分母里的 $\\sqrt{c^2}$ "
                         "正好约掉，所以路径不变（$\\epsilon \\to 0$ 时严格不变）。只有平方根"
                         "有这个性质：分母若是 $v^p$，就会剩下一个因子 $c^{1-2p}$。",
    "lesson.scale.result": "Adam 缩放前后两条路径的最大距离：{adam_dev}。梯度下降缩放后偏离"
                           "原路径 {gd_dev}，并在第 {gd_stopped} 步发散。",
    "lesson.scale.result_finite": "Adam 缩放前后两条路径的最大距离：{adam_dev}。梯度下降缩放"
                                  "后偏离原路径 {gd_dev}。",
    "lesson.scale.n.adam_dev": "Adam：最大变化",
    "lesson.scale.n.gd_dev": "梯度下降：最大变化",
    "lesson.scale.n.gd_stopped": "梯度下降：发散的步数",
    # --- 13 memory ---
    "lesson.memory.title": "动量的记忆",
    "lesson.memory.text": "先让 Adam 沿一段均匀的长坡往下跑 40 步，它的 $m$ 和 $v$ 记住了"
                          "“往左是下坡”。然后把它连同状态一起，搬进一个 U 形山谷，谷底正好在"
                          "它脚下。那里的梯度是零，但 $m$ 不是：Adam 继续往前冲，越过谷底，"
                          "直到山谷的梯度把 $m$ 扭转过来。在同一位置全新开始的 Adam，$g = 0$、"
                          "$m = 0$，纹丝不动。$\\beta_1$ 的记忆越长，冲得越远。",
    "lesson.memory.result": "保留状态的 Adam 最远冲过谷底 {flung}（第 {flung_at} 步）；粗略"
                            "上界是 lr/(1−β1) = {estimate}。全新开始的 Adam 移动了 {fresh}。",
    "lesson.memory.caption_valley": "第二段，在 U 形山谷里：带着状态进来的 Adam（实线），"
                                    "和在同一点全新开始的 Adam（点线，它一直停在终点标记上）。",
    "lesson.memory.caption_slope": "第一段，在另一个地形上——均匀斜坡 f = x + y²/2：从 (4, 0) "
                                   "出发，走 40 步到原点。",
    "lesson.memory.n.flung": "冲过谷底的距离",
    "lesson.memory.n.estimate": "lr/(1−β1)",
    "lesson.memory.n.flung_at": "所在步数",
    "lesson.memory.n.fresh": "全新 Adam 的移动",
    # --- 14 scar ---
    "lesson.scar.title": "一次巨大梯度留下的伤疤",
    "lesson.scar.text": "在梯度恒定的斜坡上，让某一步（第 3000 步；图中从尖峰那一步开始"
                        "计数）的梯度乘以 1000。这个尖峰以平方的形式进入 $v$：$\\hat v$ 一下"
                        "子多出约 $(1-\\beta_2)\\cdot 1000^2$ 倍的正常 $g^2$，之后每步只按 "
                        "$\\beta_2$ 衰减。$\\beta_2 = 0.999$ 时，500 步后还剩 "
                        "$0.999^{500} \\approx 0.61$，有效学习率仍然小了约 25 倍；"
                        "$\\beta_2 = 0.9$ 时大约一百步就恢复了。反方向的尖峰（−1000）还会把 "
                        "$m$ 翻过来：$m$ 的记忆时间是 $1/(1-\\beta_1) = 10$ 步，但尖峰进入 $m$ "
                        "时是正常梯度的 $(1-\\beta_1)\\cdot 1000 = 100$ 倍，要约 "
                        "$\\ln 100/\\ln(1/0.9) \\approx 44$ 步才能消退，这期间路径一直在"
                        "往回走。",
    "lesson.scar.result": "尖峰刚过，有效学习率下降了 {drop} 倍；500 步后仍比正常小 "
                          "{ratio_500} 倍（公式给出 {formula} 倍），在显示的 700 步内都没能"
                          "回到正常值的 10% 以内。往回走的步数：{wrong_way}。",
    "lesson.scar.result_back": "尖峰刚过，有效学习率下降了 {drop} 倍；500 步后比正常小 "
                               "{ratio_500} 倍（公式 {formula} 倍）。{recovery} 步后它回到了"
                               "正常值的 10% 以内。往回走的步数：{wrong_way}。",
    "lesson.scar.n.drop": "尖峰处的下降倍数",
    "lesson.scar.n.ratio_500": "500 步后仍小的倍数",
    "lesson.scar.n.recovery": "恢复到 10% 以内所需步数",
    "lesson.scar.n.wrong_way": "往回走的步数",
    # --- 15 implicit bias ---
    "lesson.implicit_bias.title": "隐式偏好：停在哪个最小值？",
    "lesson.implicit_bias.text": "$f = (w_1 + 2w_2 - 1)^2$ 在一整条直线上都等于零，所以"
                                 "最小值不止一个点，停在哪一点取决于优化器。每个梯度都是 "
                                 "$(1, 2)$ 的倍数，所以从原点出发的梯度下降只沿这个方向走，"
                                 "停在直线上离原点最近的点 $(0.2, 0.4)$。Adam 让每个坐标除以"
                                 "它自己的梯度历史；这里第二个坐标的梯度永远正好是第一个的 "
                                 "2 倍，这个倍数被约掉，于是 Adam 的每一步都沿 $(1, 1)$ 方向，"
                                 "停在 $(1/3, 1/3)$。",
    "lesson.implicit_bias.result": "梯度下降停在 ({gd_x}, {gd_y})；Adam 停在 ({adam_x}, "
                                   "{adam_y})。",
    "lesson.implicit_bias.n.gd_x": "梯度下降：w₁",
    "lesson.implicit_bias.n.gd_y": "梯度下降：w₂",
    "lesson.implicit_bias.n.adam_x": "Adam：w₁",
    "lesson.implicit_bias.n.adam_y": "Adam：w₂",
    # --- 16 coupled ---
    "lesson.coupled.title": "Adam + L2 与 AdamW",
    "lesson.coupled.text": "这里 $f = x^2/2$：坐标 $y$ 上完全没有损失梯度，只有权重衰减能让"
                           "它动。普通 Adam 根本不碰它。Adam + L2（PyTorch 的 "
                           "`Adam(weight_decay=λ)`）把 $\\lambda y$ 加到梯度上，随后 Adam 再"
                           "除以 $\\sqrt{\\hat v} \\approx |\\lambda y|$：λ 被约掉了，不管 λ "
                           "取多少，$y$ 每步都只减少大约一个学习率。AdamW 在归一化之外收缩 "
                           "$y$，每步正好乘以 $(1-\\eta\\lambda)$。对梯度大的权重，耦合衰减"
                           "还会更弱：在 $\\sqrt{\\hat v}$ 里，$\\lambda y$ 和梯度比起来微不"
                           "足道。",
    "lesson.coupled.result": "普通 Adam 让 y 移动了 {adam_moved}。Adam + L2：前 50 步里 y 平均"
                             "每步减少 {l2_step} 倍学习率。AdamW：y 每步乘以 {adamw_factor}"
                             "（1 − lr·λ = {expected_factor}）。",
    "lesson.coupled.n.adam_moved": "Adam：y 的移动",
    "lesson.coupled.n.l2_step": "Adam + L2：y 的步长 ÷ 学习率",
    "lesson.coupled.n.adamw_factor": "AdamW：y 每步的因子",
    # --- 17 endpoint ---
    "lesson.endpoint.title": "AdamW 停在 1/λ 附近",
    "lesson.endpoint.text": "在最小值位于 (5, 5) 的碗上运行 AdamW，学习率 0.01。静止时，衰减"
                            "的一步 $\\eta\\lambda\\theta$ 必须抵消 Adam 的一步 "
                            "$\\eta\\,\\hat m/\\sqrt{\\hat v}$。只要梯度符号不变，不论梯度多大，"
                            "$\\hat m/\\sqrt{\\hat v} \\approx 1$，所以平衡点在 "
                            "$\\theta \\approx 1/\\lambda$，而不在损失的最小值。普通 Adam 则"
                            "走到 (5, 5)。",
    "lesson.endpoint.result": "AdamW 停在 ({x}, {y})；1/λ = {target}。普通 Adam 停在 x = "
                              "{adam_x}。",
    "lesson.endpoint.n.x": "AdamW：x",
    "lesson.endpoint.n.y": "AdamW：y",
    "lesson.endpoint.n.target": "1/λ",
    # --- 18 product ---
    "lesson.product.title": "衰减只看 lr × λ",
    "lesson.product.text": "AdamW 每步把权重乘以 $(1-\\eta\\lambda)$。把学习率除以 $k$、把 λ "
                           "乘以 $k$，这个因子不变：没有损失梯度的坐标（$y$）走出完全相同的"
                           "路径。有梯度的坐标（$x$）每步走的是学习率大小的步子，所以它能"
                           "察觉到变化。",
    "lesson.product.result": "在同一步上比较，两次运行的 y 最多相差 {y_diff}；x 最多相差 "
                             "{x_diff}（图上两条曲线看起来不同，是因为 x 走得快慢不一样）。"
                             "两者每步的衰减因子都是 {factor}。",
    "lesson.product.n.y_diff": "同一步上 y 的最大差别",
    "lesson.product.n.x_diff": "同一步上 x 的最大差别",
    "lesson.product.n.factor": "1 − lr·λ",
    # --- 19 bayes ---
    "lesson.bayes.title": "把 L2 看成高斯先验",
    "lesson.bayes.text": "给权重一个高斯先验 $w \\sim \\mathcal N(0, \\sigma^2 I)$。看到数据"
                         "之后最可能的权重，要最小化 $L(w) - \\log p(w)$，而 $-\\log p(w)$ "
                         "等于 $\\lVert w\\rVert^2/(2\\sigma^2)$ 加一个常数。所以在损失上加 "
                         "$\\tfrac{\\lambda}{2}\\lVert w\\rVert^2$，就等于在看到任何数据之前"
                         "就相信权重应该很小，并且 $\\lambda = 1/\\sigma^2$：惩罚越强，先验"
                         "越窄。对加在损失上的 L2，这个对应是严格的；解耦的权重衰减（AdamW）"
                         "只有在优化器是普通梯度下降时才与这个先验一致，在 Adam 的缩放之下"
                         "就不再一致了。（本节只有文字，没有需要运行的实验。）",
    # --- 20 warm-up ---
    "lesson.warmup.title": "预热",
    "lesson.warmup.text": "第一步时，Adam 的 $\\hat m/\\sqrt{\\hat v}$ 就是梯度的符号，所以"
                          "不论地面多陡，每个坐标都走满一个学习率。从 Rosenbrock 峡谷陡壁上的 "
                          "$(-1.5, 2)$ 以学习率 0.3 出发，第一步就冲过了谷底，损失猛地跳高。"
                          "线性预热 $\\eta_t = \\eta\\min(1, t/w)$ 让最初几步很小，同时 "
                          "Adam 的两个矩慢慢摸清地形。取 $w = 50$ 时，等学习率升到最高，"
                          "Adam 已经到了谷底；此后满学习率也很稳定，最终损失低得多。预热太短"
                          "（试试 $w = 10$）就不够了。",
    "lesson.warmup.result": "起始损失 {start_loss}。不预热时，第一步就把损失推到起始值的 "
                            "{jump_const} 倍（前 50 步最高 {peak_const}）；预热时损失从未超过 "
                            "{peak_warm}。学习率升到最高时，预热的那次运行离谷底只有 "
                            "{floor_gap}（|y − x²|），此后损失一路下降。400 步后的损失：不预热 "
                            "{end_const}，预热 {end_warm}。",
    "lesson.warmup.result_rough": "起始损失 {start_loss}。不预热时，第一步就把损失推到起始值"
                                  "的 {jump_const} 倍（前 50 步最高 {peak_const}）；这么短的"
                                  "预热，最高损失是 {peak_warm}。学习率升到最高时，它离谷底还有 "
                                  "{floor_gap}（|y − x²|），之后损失又回升到此前最低值的 "
                                  "{rise_warm} 倍。400 步后的损失：不预热 {end_const}，预热 "
                                  "{end_warm}。",
    "lesson.warmup.result_none": "w = 0 就是不预热：两次运行完全相同。第一步就把损失从 "
                                 "{start_loss} 推到起始值的 {jump_const} 倍（最高 "
                                 "{peak_const}）。",
    "lesson.warmup.n.start_loss": "起始损失",
    "lesson.warmup.n.peak_const": "最高损失（不预热）",
    "lesson.warmup.n.peak_warm": "最高损失（预热）",
    # --- 21 cycles ---
    "lesson.cycles.title": "热重启与循环学习率",
    "lesson.cycles.text": "当一个坑的曲率 $h$ 超过 $2/\\eta$ 时，梯度下降就待不住：每一步都"
                          "比上一步冲得更远。这里窄坑的曲率 $h \\approx 37$，学习率超过 "
                          "$\\eta \\approx 0.053$ 就不稳定；宽坑对这里用到的所有学习率都稳定。"
                          "恒定的小学习率会永远留在窄坑里。三角形循环学习率和带热重启的余弦"
                          "退火都会经过高学习率阶段，把迭代点甩出窄坑，再在低学习率阶段落进"
                          "宽坑。越过 $2/h$ 是必要条件，但还不够：刚刚越过时，迭代点只会在坑"
                          "里来回颤动。请对照路径旁边的 lr(t) 看。",
    "lesson.cycles.result": "不稳定阈值 2/h = {threshold}。离开窄坑（x > 0.5）：恒定学习率"
                            "{escape_const_at}；循环学习率{escape_cyclic_at}（当时 lr "
                            "{lr_cyclic}）；热重启{escape_restarts_at}（lr {lr_restarts}）。"
                            "最终位置：{basin_const}、{basin_cyclic}、{basin_restarts}。",
    "lesson.cycles.never": "始终未离开",
    "lesson.cycles.n.threshold": "窄坑的 2/h",
    "lesson.cycles.n.escape_cyclic": "循环：离开的步数",
    "lesson.cycles.n.escape_restarts": "热重启：离开的步数",
    "lesson.cycles.n.escape_const": "恒定：离开的步数",
    # --- 22 clipping ---
    "lesson.clipping.title": "在矩之前裁剪，还是之后？",
    "lesson.clipping.text": "和“伤疤”实验同样的 1000 倍尖峰，这次加上裁剪。裁剪原始梯度"
                            "（范数 ≤ 2，正常梯度的范数是 1.41），尖峰在进入 $m$ 和 $v$ 之前"
                            "就被拦下：不留伤疤。只裁剪最后的步长（范数 ≤ 2·lr），那一步确实"
                            "被限制住了，但 $v$ 已经吞下了尖峰，有效学习率在之后几百步里一直"
                            "偏小，和完全不裁剪一样。",
    "lesson.clipping.result": "尖峰过后 500 步，有效学习率仍比尖峰前小的倍数：不裁剪 "
                              "{ratio_none}，裁剪梯度 {ratio_before}，裁剪步长 {ratio_after}。"
                              "尖峰那一步的长度（以 lr 为单位）：{step_none}、{step_before}、"
                              "{step_after}。",
    "lesson.clipping.n.ratio_none": "不裁剪：倍数",
    "lesson.clipping.n.ratio_before": "裁剪梯度：倍数",
    "lesson.clipping.n.ratio_after": "裁剪步长：倍数",
    "lesson.clipping.n.step_after": "裁剪步长：尖峰步 ÷ lr",
    # --- 23 cloud ---
    "lesson.cloud.title": "噪声云",
    "lesson.cloud.text": "在圆碗 $f = x^2 + y^2 = \\tfrac h2 (x^2 + y^2)$（$h = 2$）上，给每个"
                         "梯度加上大小为 σ 的噪声。SGD 永远停不到最小值上，而是在它周围不停"
                         "抖动，形成一团“云”。对这个线性递推，云的平稳方差可以精确算出："
                         "$\\eta\\sigma^2/(h(2-\\eta h))$。我们把 200 条不同随机种子的轨迹在"
                         "前 200 步之后的位置汇总起来；Adam 在同样的噪声下并排运行（它的云"
                         "没有简单的公式）。",
    "lesson.cloud.result": "实测方差 {measured}，公式 {formula}（相差 {rel_error}）。云的中心"
                           "离最小值最多 {bias}。Adam 的云方差为 {adam_var}。",
    "lesson.cloud.n.measured": "SGD：实测方差",
    "lesson.cloud.n.formula": "公式",
    "lesson.cloud.n.rel_error": "相差",
    "lesson.cloud.n.adam_var": "Adam：实测方差",
    # --- 24 ridge ---
    "lesson.ridge.title": "岭回归",
    "lesson.ridge.text": "这个地形是用直线 $y = w_1 a + w_2$ 拟合 40 个带噪声的数据点时的"
                         "损失，再加上岭惩罚：$f(w) = \\tfrac1n\\lVert Aw - b\\rVert^2 + "
                         "\\tfrac{\\lambda}{2}\\lVert w\\rVert^2$。它的最小值有解析解。Adam "
                         "配合余弦调度（最后几步非常小），正好落在解析解上。λ 越大，解就越"
                         "远离不加惩罚的解（标记 λ=0），向原点靠拢。",
    "lesson.ridge.result": "Adam 停在 ({adam_w1}, {adam_w2})；解析解是 ({exact_w1}, "
                           "{exact_w2})；相差 {error}。",
    "lesson.ridge.n.adam_w1": "Adam：w₁",
    "lesson.ridge.n.adam_w2": "Adam：w₂",
    "lesson.ridge.n.exact_w1": "解析解：w₁",
    "lesson.ridge.n.exact_w2": "解析解：w₂",
    # --- 25 huber ---
    "lesson.huber.title": "Huber 损失与离群点",
    "lesson.huber.text": "同样的数据，但有几个点远远偏离直线。平方损失让每个点按误差大小"
                         "成比例地拉扯，几个大误差就能把拟合拽跑。Huber 损失在误差小时是二次"
                         "的，误差大时是线性的：任何一个点的拉力都不超过 δ。它的最小值仍然"
                         "靠近生成干净数据的权重 (2, −1)。Adam 两个最小值都能找到；图上画的是 "
                         "Huber 损失，并标出平方损失的终点。",
    "lesson.huber.result": "与真实权重 (2, −1) 的距离：平方损失的解 {err_sq}，Huber 的解 "
                           "{err_huber}。Adam 的两个终点离精确最小值都在 {adam_vs_exact} "
                           "以内。",
    "lesson.huber.n.err_sq": "平方损失：离真值的距离",
    "lesson.huber.n.err_huber": "Huber：离真值的距离",
    "lesson.huber.n.adam_vs_exact": "Adam 与精确最小值之差",
    # --- 26 split ---
    "lesson.split.title": "训练损失与验证损失",
    "lesson.split.text": "只用 8 个训练点拟合直线，另取同一来源的 40 个点作为验证集。地形是"
                         "训练损失；沿着每条路径，我们同时计算验证损失。验证损失的最小值在"
                         "别处，所以当优化器逼近训练损失的最小值时，验证损失先降后升："
                         "验证损失的最低点，就是早停（early stopping）应该停下的时机。",
    "lesson.split.result": "验证损失最低的步数：梯度下降第 {best_gd} 步，Adam 第 {best_adam} "
                           "步。最终验证损失比训练损失高 {gap_gd}（梯度下降）和 {gap_adam}"
                           "（Adam）。",
    "lesson.split.n.best_gd": "梯度下降：验证最佳步数",
    "lesson.split.n.best_adam": "Adam：验证最佳步数",
    "lesson.split.n.gap_adam": "最终差距（验证 − 训练）",
    # --- 27 imbalance ---
    "lesson.imbalance.title": "类别不平衡与一视同仁的衰减",
    "lesson.imbalance.text": "类别不平衡时，服务于少数类的权重得到的梯度又小又少，而权重"
                             "衰减每一步都以同样的力度拉着每一个权重。于是，衰减抹掉少数类"
                             "已学到的东西，可能比它的梯度重新建立起来还快。常见的办法是："
                             "给损失重新加权（或对数据重采样），别让少数类被淹没；或者让某些"
                             "参数不参与衰减。本节只有文字：只有两个权重的地形，没法如实"
                             "表现类别的频率。",
    # --- 28 step inspector ---
    "lesson.inspector.title": "逐步检查器",
    "lesson.inspector.intro": "选一个场景和一个优化器，然后拖动步数滑块。对第 $t$ 步，你能"
                              "从三个角度看这次更新：地图上的箭头、代入了本步数值的更新公式"
                              "（就像手算一样），以及一张表。下方的图给出整个运行过程中 $m$、"
                              "$\\hat v$ 和有效学习率的变化。",
    "lesson.inspector.scene": "场景",
    "lesson.inspector.scene.ravine": "山谷",
    "lesson.inspector.scene.scar": "梯度尖峰",
    "lesson.inspector.scene.adagrad": "长斜坡",
    "lesson.inspector.scene.oscillation": "翻转的梯度",
    "lesson.inspector.scene.saddle": "鞍点",
    "lesson.inspector.hint.ravine": "第 1 步：m̂ = g，所以每个坐标都正好走一个学习率。之后 y "
                                    "方向的梯度不断变号，它的 m̂ 变小，v̂ 却一直很大。",
    "lesson.inspector.hint.scar": "第 100 步的梯度大了 1000 倍。看看之后的 v̂ 和有效学习率："
                                  "这就是伤疤。把 β2 换成 0.9，看它如何愈合。",
    "lesson.inspector.hint.adagrad": "Adagrad 的有效学习率只降不升，在这段均匀的斜坡上按 "
                                     "lr/√t 下降。换成 RMSProp 或 Adam，它就保持平稳。",
    "lesson.inspector.hint.oscillation": "梯度是 +10、−10、+10、……：m 在 0 附近徘徊，v̂ 从"
                                         "一开始就是 100，步子非常小。",
    "lesson.inspector.hint.saddle": "Adam 在第 44 步离开鞍点：注意，尽管 y 方向的梯度很小，"
                                    "y 的步长却一直接近一个学习率。",
    "lesson.inspector.optimizer": "优化器",
    "lesson.inspector.step": "第 t 步",
    "lesson.inspector.stopped": "运行在第 {step} 步停止：{reason}。",
    "lesson.inspector.formula": "**第 t 步的更新，代入实时数值**",
    "lesson.inspector.quantity": "量",
    "lesson.inspector.arrow.g": "−g",
    "lesson.inspector.arrow.m": "−m̂",
    "lesson.inspector.arrow.step": "Δθ",
    "lesson.inspector.arrow_note": "箭头都从 θₜ₋₁ 出发，画成同样长，方便比较方向；真实"
                                   "大小请看公式和表格。",
    "lesson.inspector.q.theta_prev": "更新前的 θ（θₜ₋₁）",
    "lesson.inspector.q.g": "梯度 gₜ",
    "lesson.inspector.q.m": "一阶矩 mₜ",
    "lesson.inspector.q.v": "二阶矩 vₜ",
    "lesson.inspector.q.v_max": "v 的历史最大值",
    "lesson.inspector.q.m_hat": "修正后的 m̂ₜ",
    "lesson.inspector.q.v_hat": "修正后的 v̂ₜ",
    "lesson.inspector.q.eff_lr": "有效学习率",
    "lesson.inspector.q.update": "步长 Δθ",
    "lesson.inspector.q.theta": "更新后的 θ（θₜ）",
}
