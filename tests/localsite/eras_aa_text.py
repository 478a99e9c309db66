"""Era AA's chrome texts: what Blogger's own widgets show, per blog language (the blog's language
setting is the page's UI language), and the readers' comments.

Blogger writes the post-footer author label ("Posted by"), the comment counts, the pager, the feed
links, the share buttons' titles, the gadget titles and the attribution in the blog's language; the
"Labels:" text of the Blog Posts gadget is an editable setting, and this blog set it to the site's own
"Tags:" string (so the tags label is the site's UI string).
"""
from __future__ import annotations

from .fmt import LANGS

# Blogger's date header shows the weekday before the site's date form ("Tuesday, July 4, 2023",
# "mardi 4 juillet 2023", "2023年7月4日火曜日"): (weekdays Monday first, pattern around {day} and {date}).
WEEKDAYS: dict[str, tuple[tuple[str, ...], str]] = {
    "en": (("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), "{day}, {date}"),
    "fr": (("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"), "{day} {date}"),
    "de": (("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"), "{day}, {date}"),
    "es": (("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"), "{day}, {date}"),
    "it": (("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"), "{day} {date}"),
    "pt": (("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
           "{day}, {date}"),
    "ja": (("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"), "{date}{day}"),
    "zh": (("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"), "{date}{day}"),
    "ko": (("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"), "{date} {day}"),
}

# Per blog language. posted_by: the author label (fmt.POSTED_BY); at: before the post's time;
# said: after a commenter's name; comments: "{n} comments:" heading (one / many); none: no comment yet.
BLOGGER: dict[str, dict[str, str]] = {
    "en": {"at": "at", "said": "said...", "comments1": "1 comment:", "comments": "{n} comments:",
           "none": "No comments:", "post_comment": "Post a Comment", "newer": "Newer Post", "older": "Older Post",
           "home": "Home", "subscribe": "Subscribe to:", "atom": "Post Comments (Atom)", "email": "Email This",
           "blogthis": "BlogThis!", "share_to": "Share to {x}", "about": "About Me", "profile": "View my complete profile",
           "archive": "Blog Archive", "labels": "Labels", "followers": "Followers", "popular": "Popular Posts",
           "contributors": "Contributors", "powered": "Powered by", "reactions": "Reactions:",
           "reaction_words": "funny|interesting|cool", "reply": "Reply", "delete": "Delete", "theme": "Simple theme."},
    "fr": {"at": "à", "said": "a dit…", "comments1": "1 commentaire :", "comments": "{n} commentaires :",
           "none": "Aucun commentaire:", "post_comment": "Enregistrer un commentaire", "newer": "Article plus récent",
           "older": "Article plus ancien", "home": "Accueil", "subscribe": "Inscription à :",
           "atom": "Publier les commentaires (Atom)", "email": "Envoyer par e-mail", "blogthis": "BlogThis!",
           "share_to": "Partager sur {x}", "about": "Qui êtes-vous ?", "profile": "Afficher mon profil complet",
           "archive": "Archives du blog", "labels": "Libellés", "followers": "Membres", "popular": "Articles les plus consultés",
           "contributors": "Contributeurs", "powered": "Fourni par", "reactions": "Réactions :",
           "reaction_words": "drôle|intéressant|cool", "reply": "Répondre", "delete": "Supprimer",
           "theme": "Thème Simple."},
    "de": {"at": "um", "said": "hat gesagt…", "comments1": "1 Kommentar:", "comments": "{n} Kommentare:",
           "none": "Keine Kommentare:", "post_comment": "Kommentar veröffentlichen", "newer": "Neuerer Post",
           "older": "Älterer Post", "home": "Startseite", "subscribe": "Abonnieren",
           "atom": "Kommentare zum Post (Atom)", "email": "Diesen Post per E-Mail versenden", "blogthis": "BlogThis!",
           "share_to": "In {x} freigeben", "about": "Über mich", "profile": "Mein Profil vollständig anzeigen",
           "archive": "Blog-Archiv", "labels": "Labels", "followers": "Follower", "popular": "Beliebte Posts",
           "contributors": "Mitwirkende", "powered": "Powered by", "reactions": "Reaktionen:",
           "reaction_words": "lustig|interessant|cool", "reply": "Antworten", "delete": "Löschen",
           "theme": "Design „Einfach“."},
    "es": {"at": "a las", "said": "dijo...", "comments1": "1 comentario:", "comments": "{n} comentarios:",
           "none": "No hay comentarios:", "post_comment": "Publicar un comentario", "newer": "Entrada más reciente",
           "older": "Entrada antigua", "home": "Página Principal", "subscribe": "Suscribirse a:",
           "atom": "Enviar comentarios (Atom)", "email": "Enviar por correo electrónico", "blogthis": "Escribe un blog",
           "share_to": "Compartir en {x}", "about": "Datos personales", "profile": "Ver todo mi perfil",
           "archive": "Archivo del blog", "labels": "Etiquetas", "followers": "Seguidores", "popular": "Entradas populares",
           "contributors": "Colaboradores", "powered": "Con la tecnología de", "reactions": "Reacciones:",
           "reaction_words": "divertido|interesante|genial", "reply": "Responder", "delete": "Eliminar",
           "theme": "Tema Sencillo."},
    "it": {"at": "alle", "said": "ha detto...", "comments1": "1 commento:", "comments": "{n} commenti:",
           "none": "Nessun commento:", "post_comment": "Posta un commento", "newer": "Post più recente",
           "older": "Post più vecchio", "home": "Home page", "subscribe": "Iscriviti a:",
           "atom": "Commenti sul post (Atom)", "email": "Invia tramite email", "blogthis": "Postalo sul blog",
           "share_to": "Condividi su {x}", "about": "Informazioni personali", "profile": "Visualizza il mio profilo completo",
           "archive": "Archivio blog", "labels": "Etichette", "followers": "Lettori fissi", "popular": "Post più popolari",
           "contributors": "Collaboratori", "powered": "Powered by", "reactions": "Reazioni:",
           "reaction_words": "divertente|interessante|fico", "reply": "Rispondi", "delete": "Elimina",
           "theme": "Tema Semplice."},
    "pt": {"at": "às", "said": "disse...", "comments1": "1 comentário:", "comments": "{n} comentários:",
           "none": "Nenhum comentário:", "post_comment": "Postar um comentário", "newer": "Postagem mais recente",
           "older": "Postagem mais antiga", "home": "Página inicial", "subscribe": "Assinar:",
           "atom": "Postar comentários (Atom)", "email": "Enviar por e-mail", "blogthis": "Postar no blog!",
           "share_to": "Compartilhar no {x}", "about": "Quem sou eu", "profile": "Ver meu perfil completo",
           "archive": "Arquivo do blog", "labels": "Marcadores", "followers": "Seguidores", "popular": "Postagens populares",
           "contributors": "Colaboradores", "powered": "Tecnologia do", "reactions": "Reações:",
           "reaction_words": "engraçado|interessante|legal", "reply": "Responder", "delete": "Excluir",
           "theme": "Tema Simples."},
    "ja": {"at": "", "said": "さんのコメント...", "comments1": "1 件のコメント:", "comments": "{n} 件のコメント:",
           "none": "0 件のコメント:", "post_comment": "コメントを投稿", "newer": "次の投稿", "older": "前の投稿",
           "home": "ホーム", "subscribe": "登録:", "atom": "コメントの投稿 (Atom)", "email": "メールで送信",
           "blogthis": "BlogThis!", "share_to": "{x} で共有する", "about": "自己紹介", "profile": "詳細プロフィールを表示",
           "archive": "ブログ アーカイブ", "labels": "ラベル", "followers": "フォロワー", "popular": "人気の投稿",
           "contributors": "寄稿者", "powered": "Powered by", "reactions": "反応:", "reaction_words": "面白い|興味深い|かっこいい",
           "reply": "返信", "delete": "削除", "theme": "「シンプル」テーマ."},
    "zh": {"at": "", "said": "说…", "comments1": "1 条评论:", "comments": "{n} 条评论:", "none": "没有评论:",
           "post_comment": "发表评论", "newer": "较新的博文", "older": "较早的博文", "home": "主页", "subscribe": "订阅：",
           "atom": "博文评论 (Atom)", "email": "通过电子邮件发送", "blogthis": "BlogThis!", "share_to": "分享到 {x}",
           "about": "关于我", "profile": "查看我的完整个人资料", "archive": "博客归档", "labels": "标签", "followers": "关注者",
           "popular": "热门博文", "contributors": "贡献者", "powered": "技术支持：", "reactions": "回应：",
           "reaction_words": "有趣|有意思|酷", "reply": "回复", "delete": "删除", "theme": "“简单”主题背景。"},
    "ko": {"at": "", "said": "님이 말함...", "comments1": "댓글 1개:", "comments": "댓글 {n}개:", "none": "댓글 없음:",
           "post_comment": "댓글 쓰기", "newer": "최근 게시물", "older": "이전 게시물", "home": "홈", "subscribe": "피드 구독하기:",
           "atom": "댓글 (Atom)", "email": "이메일로 전송", "blogthis": "BlogThis!", "share_to": "{x}에서 공유",
           "about": "내 블로그 목록", "profile": "내 전체 프로필 보기", "archive": "블로그 보관함", "labels": "라벨",
           "followers": "팔로어", "popular": "인기 게시물", "contributors": "참여자", "powered": "Powered by",
           "reactions": "반응:", "reaction_words": "재미있음|흥미로움|멋짐", "reply": "답글", "delete": "삭제",
           "theme": "단순 테마."},
}
assert set(BLOGGER) == set(LANGS) and all(set(b) == set(BLOGGER["en"]) for b in BLOGGER.values())
assert set(WEEKDAYS) == set(LANGS)

# Readers' comments (per page language): short, some with a date or a question, as blog comments are.
COMMENTS: dict[str, tuple[str, ...]] = {
    "en": ("Great write-up, thanks for sharing!", "Does this also apply to smaller models?",
           "I tried this last week and it worked for me.", "Very helpful, bookmarked."),
    "fr": ("Merci pour cet article très clair !", "Est-ce que cela s’applique aussi aux petits modèles ?",
           "J’ai testé la semaine dernière, ça marche.", "Très utile, je garde le lien."),
    "de": ("Danke für den tollen Beitrag!", "Gilt das auch für kleinere Modelle?",
           "Habe das letzte Woche ausprobiert, klappt.", "Sehr hilfreich, gleich gespeichert."),
    "es": ("¡Gracias por compartir, muy claro!", "¿Esto vale también para modelos pequeños?",
           "Lo probé la semana pasada y funciona.", "Muy útil, lo guardo."),
    "it": ("Grazie per l’articolo, chiarissimo!", "Vale anche per i modelli più piccoli?",
           "L’ho provato la settimana scorsa e funziona.", "Molto utile, salvato."),
    "pt": ("Obrigado por compartilhar, muito claro!", "Isso vale também para modelos menores?",
           "Testei semana passada e funcionou.", "Muito útil, salvei aqui."),
    "ja": ("わかりやすい記事をありがとうございます！", "小さなモデルにも当てはまりますか？", "先週試してみたらうまくいきました。",
           "とても参考になりました。"),
    "zh": ("写得很清楚，谢谢分享！", "这也适用于小模型吗？", "上周试过了，确实有效。", "很有帮助，已收藏。"),
    "ko": ("좋은 글 감사합니다!", "작은 모델에도 적용되나요?", "지난주에 해봤는데 잘 됩니다.", "아주 유용하네요, 저장했어요."),
}
COMMENTERS: tuple[str, ...] = ("Anonymous", "datanerd42", "Mika", "R. Okafor", "lumen_ai", "Chen Wei")
BLOG_TAGLINE: dict[str, str] = {
    "en": "Notes on AI, data and chips", "fr": "Carnet sur l’IA, les données et les puces",
    "de": "Notizen zu KI, Daten und Chips", "es": "Notas sobre IA, datos y chips", "it": "Appunti su IA, dati e chip",
    "pt": "Notas sobre IA, dados e chips", "ja": "AI・データ・半導体のノート", "zh": "关于人工智能、数据与芯片的笔记",
    "ko": "AI, 데이터, 반도체 노트",
}
