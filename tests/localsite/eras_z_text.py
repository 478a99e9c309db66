"""Era Z's texts: what other forum members write under the article, their handles, the forum's own
threads, and Discourse's short dates ("3d", "Nov 20", "Jul '23"). The forum's chrome is English
(the forum's default locale); replies are in the topic's language."""
from __future__ import annotations

from datetime import datetime

REPLIES: dict[str, tuple[str, ...]] = {
    "en": ("Great write-up, thanks for sharing!", "Has anyone tried this on smaller models? Curious about the numbers.",
           "I'm not convinced the benchmark tells us much yet.", "We saw something similar in our lab last year.",
           "Does anyone have a link to the original paper?", "Bookmarked. This matches what our team has been seeing."),
    "fr": ("Merci pour cet article, très clair !", "Quelqu’un a-t-il essayé sur des modèles plus petits ?",
           "Je ne suis pas convaincu que ce banc d’essai prouve grand-chose.",
           "Nous avons observé la même chose dans notre labo l’an dernier.",
           "Quelqu’un a le lien vers l’article original ?", "Ça correspond à ce que voit notre équipe."),
    "de": ("Danke für den Beitrag, sehr verständlich!", "Hat das schon jemand mit kleineren Modellen ausprobiert?",
           "Ich bin nicht überzeugt, dass der Benchmark viel aussagt.",
           "Wir haben letztes Jahr im Labor etwas Ähnliches gesehen.",
           "Hat jemand einen Link zur Originalstudie?", "Deckt sich mit dem, was unser Team beobachtet."),
    "es": ("¡Gracias por el artículo, muy claro!", "¿Alguien lo ha probado con modelos más pequeños?",
           "No estoy convencido de que el benchmark demuestre mucho.",
           "Vimos algo parecido en nuestro laboratorio el año pasado.",
           "¿Alguien tiene el enlace al artículo original?", "Coincide con lo que ve nuestro equipo."),
    "it": ("Grazie per l’articolo, molto chiaro!", "Qualcuno l’ha provato con modelli più piccoli?",
           "Non sono convinto che il benchmark dimostri molto.",
           "Abbiamo visto qualcosa di simile nel nostro laboratorio l’anno scorso.",
           "Qualcuno ha il link all’articolo originale?", "Corrisponde a quello che vede il nostro team."),
    "pt": ("Obrigado pelo artigo, muito claro!", "Alguém já testou com modelos menores?",
           "Não estou convencido de que o benchmark prove muita coisa.",
           "Vimos algo parecido no nosso laboratório no ano passado.",
           "Alguém tem o link para o artigo original?", "Bate com o que a nossa equipe tem visto."),
    "ja": ("わかりやすい記事をありがとうございます！", "小さいモデルで試した人はいますか？",
           "このベンチマークで多くが分かるとは思えません。", "昨年、私たちの研究室でも似たことがありました。",
           "元の論文へのリンクはありますか？", "うちのチームの実感とも一致します。"),
    "zh": ("感谢分享，写得很清楚！", "有人在更小的模型上试过吗？", "我不认为这个基准能说明太多问题。",
           "我们实验室去年也看到过类似的情况。", "有人有原始论文的链接吗？", "这和我们团队的观察一致。"),
    "ko": ("좋은 글 감사합니다. 이해하기 쉬웠어요!", "더 작은 모델에서 시도해 본 분 있나요?",
           "이 벤치마크가 많은 것을 말해 준다고는 생각하지 않습니다.", "작년에 저희 연구실에서도 비슷한 현상을 봤습니다.",
           "원 논문 링크 있으신 분 계신가요?", "저희 팀이 보고 있는 것과 일치하네요."),
}

# The article's author answering in the thread.
THANKS: dict[str, str] = {
    "en": "Thanks everyone for the feedback, we will follow up on this.",
    "fr": "Merci à tous pour vos retours, nous suivrons le sujet.",
    "de": "Danke an alle für das Feedback, wir bleiben am Thema dran.",
    "es": "Gracias a todos por los comentarios, seguiremos el tema.",
    "it": "Grazie a tutti per i commenti, seguiremo l’argomento.",
    "pt": "Obrigado a todos pelo retorno, vamos acompanhar o assunto.",
    "ja": "皆さん、フィードバックありがとうございます。引き続き追っていきます。",
    "zh": "感谢大家的反馈，我们会继续跟进。",
    "ko": "의견 주신 모든 분께 감사드립니다. 계속 다루겠습니다.",
}

USERS: tuple[str, ...] = ("dataduck", "kenji_t", "robo_rita", "gpu_whisperer", "lmarchetti", "ana.b", "wafer_watcher",
                          "tensor_tom", "yuna.k", "chipchat")

# The forum's own threads ("Related Topics"), on the forum's host.
FORUM_HOST = "https://community.ipgirl.com"
FORUM_THREADS: tuple[tuple[str, str], ...] = (
    ("Welcome to the IPGirl Community!", "Site Feedback"), ("Community guidelines — please read before posting", "Meta"),
    ("How do I format code and math in posts?", "Meta"), ("Weekly open thread: what are you building?", "Lounge"),
    ("Introduce yourself 👋", "Lounge"), ("Feature request: dark mode for the newsletter", "Site Feedback"),
)

# Discourse's English chrome.
FORUM = {"reply": "Reply", "share": "Share", "related": "Related Topics", "topic": "Topic", "replies": "Replies",
         "views": "Views", "activity": "Activity", "created": "created", "last_reply": "last reply", "users": "users",
         "likes": "likes", "links": "links", "login": "Log In", "signup": "Sign Up", "powered": "Powered by Discourse, "
         "best viewed with JavaScript enabled", "edited": "Post edited", "summarize": "Summarize"}
_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(dt: datetime, clock: datetime) -> str:
    """Discourse's post date: "5h", "3d", "Nov 20" (this year), "Jul '23" (older)."""
    delta = clock - dt
    if delta.days < 1:
        return f"{max(1, delta.seconds // 3600)}h"
    if delta.days < 30:
        return f"{delta.days}d"
    if dt.year == clock.year:
        return f"{_MON[dt.month - 1]} {dt.day}"
    return f"{_MON[dt.month - 1]} '{dt.year % 100:02d}"


def month_year(dt: datetime) -> str:
    """The timeline's start: "Jul 2023"."""
    return f"{_MON[dt.month - 1]} {dt.year}"


def long_date(dt: datetime) -> str:
    """The title attribute / crawler view stamp: "Jul 4, 2023 6:15 am"."""
    hour = dt.hour % 12 or 12
    return f"{_MON[dt.month - 1]} {dt.day}, {dt.year} {hour}:{dt.minute:02d} {'am' if dt.hour < 12 else 'pm'}"
