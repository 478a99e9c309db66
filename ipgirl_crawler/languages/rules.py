"""Per-language parsing data that the site's UI strings do not carry."""
from __future__ import annotations

# Words that join author names in a byline ("Par A et B", "Von A und B").
AUTHOR_CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "en": ("and",), "fr": ("et",), "de": ("und",), "es": ("y", "e"), "it": ("e", "ed"),
    "pt": ("e",), "ja": ("と",), "zh": ("和", "与"), "ko": ("및", "와", "과"),
}
# Characters that join author names in every language.
AUTHOR_SEPARATORS = (",", ";", "&", "、", "，", "/")

# Markers of a relative date ("3 days ago", "il y a 3 jours"); a byline segment with one
# is a date even without a year.
RELATIVE_DATE_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("ago", "yesterday", "today"),
    "fr": ("il y a", "hier", "aujourd'hui", "aujourd’hui"),
    "de": ("vor ", "gestern", "heute"),
    "es": ("hace ", "ayer", "hoy"),
    "it": (" fa", "ieri", "oggi"),
    "pt": ("há ", "atrás", "ontem", "hoje"),
    "ja": ("前", "昨日", "今日"),
    "zh": ("前", "昨天", "今天"),
    "ko": ("전", "어제", "오늘"),
}

# The words for a time of day before noon and after ("오전 8:00", "午前10:15"): a byline's clock, no
# relative date, though the before-noon word holds the "ago" marker ("전", "前"). Era AA's Blogger
# footers show "게시자: A 오전 8:00"; read as a date, it hid the date header (1 of 120 pages).
CLOCK_WORDS: dict[str, tuple[str, ...]] = {
    "ja": ("午前", "午後"), "zh": ("上午", "下午"), "ko": ("오전", "오후"),
}

# A weekday written after a CJK date ("2024年6月24日月曜日", "2023年7月4日星期二", "2023년 7월 4일 화요일"), as
# blogs' date headers show it: no part of the day, and "月曜日" (Monday) reads as a second month to
# dateparser (era AA: 1 of 120 date headers unread). Regex alternatives, matched at the text's end.
CJK_WEEKDAYS: dict[str, str] = {
    "ja": r"[月火水木金土日]曜日?", "zh": r"(?:星期|周|週)[一二三四五六日天]", "ko": r"[월화수목금토일]요일",
}

# Languages counted in characters rather than words (no spaces between words).
CHARACTER_COUNTED_LANGUAGES = frozenset({"ja", "zh"})

# Numeric dates ("04/07/2023") are ambiguous; read them as each language writes them.
DATE_ORDER: dict[str, str] = {
    "en": "MDY", "fr": "DMY", "de": "DMY", "es": "DMY", "it": "DMY", "pt": "DMY",
    "ja": "YMD", "zh": "YMD", "ko": "YMD",
}

# Words that lead a date inside a byline ("Par X le 4 juillet", "Von X am 7. Juni").
DATE_CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("on",), "fr": ("le",), "de": ("am",), "es": ("el",), "it": ("il",),
    "pt": ("em",), "ja": ("、",), "zh": ("于",), "ko": (",",),
}

# Labels a site prints above an ad slot ("Advertisement", "Anzeige"): a body block that says only
# this is the frame of an ad whose slot is empty or unrecognised, and so is a line telling the reader
# the story goes on below it ("Continue reading below", "Continua depois da publicidade": 11 lines on
# the real pages, "Advert" 5). Compared casefolded.
AD_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored", "sponsored links",
           "continue reading below", "story continues below advertisement", "article continues below advertisement"),
    "fr": ("publicité", "annonce publicitaire", "sponsorisé"),
    "de": ("anzeige", "werbung", "gesponsert"),
    "es": ("publicidad", "anuncio", "patrocinado"),
    "it": ("pubblicità", "annuncio", "sponsorizzato"),
    "pt": ("publicidade", "anúncio", "patrocinado", "continua depois da publicidade", "continua após a publicidade"),
    "ja": ("広告", "スポンサーリンク", "スポンサー", "pr"),
    "zh": ("广告", "廣告", "赞助"),
    "ko": ("광고", "스폰서"),
}

# Words of a reading-time line ("3 min read", "3 min de lecture", "3분 분량"): with a number and
# nothing else, such a line is lead metadata, never body text. Casefolded; English also applies.
READING_TIME_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("min read", "mins read", "min. read", "minute read", "minutes read", "reading time", "read time"),
    "fr": ("de lecture", "temps de lecture"),
    "de": ("lesezeit", "min. lesen", "minuten lesen"),
    "es": ("de lectura", "tiempo de lectura"),
    "it": ("di lettura", "tempo di lettura"),
    "pt": ("de leitura", "tempo de leitura"),
    "ja": ("で読めます", "で読める", "読了"),
    "zh": ("阅读时间", "分钟阅读", "阅读"),
    "ko": ("분 분량", "분 소요", "읽는 시간", "분 읽기"),
}

# A wiki's categories box: the label (MediaWiki's Pagecategories message) a link to the index of all
# categories, then the page's categories, its section among them (never a tag). Read only in that form:
# a bare "Categories" heads a blog's sidebar of the site's sections (a real page read 12 of them as tags).
CATEGORY_BOX_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Categories", "Category"), "fr": ("Catégories", "Catégorie"), "de": ("Kategorien", "Kategorie"),
    "es": ("Categorías", "Categoría"), "it": ("Categorie", "Categoria"), "pt": ("Categorias", "Categoria"),
    "ja": ("カテゴリ",), "zh": ("分类", "分類"), "ko": ("분류",),
}

# Other words sites print for a UI string's label, per language (read as the label itself): blog
# engines put the tags under "Filed under:" (WordPress's theme strings in each language) or "Tagged:".
LABEL_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "tags": {
        "en": ("Filed under:", "Tagged:", "Tagged with:", "Keywords:"),
        "fr": ("Classé dans :", "Étiquettes :", "Mots clés :"),
        "de": ("Abgelegt unter:", "Stichwörter:", "Stichworte:"),
        "es": ("Archivado en:", "Palabras clave:"),
        "it": ("Archiviato in:", "Parole chiave:"),
        "pt": ("Arquivado em:", "Palavras-chave:"),
        "ja": ("カテゴリー・タグ：", "キーワード："),
        "zh": ("归档于：", "关键词：", "標籤："),
        "ko": ("분류:", "키워드:"),
    },
    # A docs platform's footer: "Last updated on 4 July 2023 by Ann" (Docusaurus's theme strings).
    "updated": {
        "en": ("Last updated on", "Last updated"),
        "fr": ("Dernière mise à jour le", "Dernière mise à jour"),
        "de": ("Zuletzt aktualisiert am", "Zuletzt aktualisiert"),
        "es": ("Última actualización el", "Última actualización"),
        "it": ("Ultimo aggiornamento il", "Ultimo aggiornamento"),
        "pt": ("Última atualização em", "Última atualização"),
        "ja": ("最終更新日:", "最終更新日："),
        "zh": ("最后更新于",),
        "ko": ("최종 업데이트:",),
    },
    # A heading over what a site adds after the story, as real sites word it: other stories, topics and
    # "more information" link boxes (eval-dev: "Weitere Informationen" over teasers of the site's pages,
    # "Ähnliche Themen" over a forum's other threads); the whole text of its element, as "Discover more".
    "discover": {
        "en": ("Related articles", "Related posts", "Related stories", "Related topics", "Similar topics",
               "More information", "Further information", "You may also like", "You might also like"),
        "fr": ("Articles similaires", "Articles liés", "Sur le même sujet", "Plus d'informations",
               "Vous aimerez aussi"),
        "de": ("Weitere Informationen", "Ähnliche Themen", "Ähnliche Artikel", "Ähnliche Beiträge",
               "Verwandte Artikel", "Weitere Artikel", "Themen im Artikel", "Das könnte Sie auch interessieren"),
        "es": ("Artículos relacionados", "Noticias relacionadas", "Más información", "También te puede interesar"),
        "it": ("Articoli correlati", "Potrebbe interessarti anche", "Ulteriori informazioni"),
        "pt": ("Artigos relacionados", "Notícias relacionadas", "Mais informações", "Você também pode gostar"),
        "pl": ("Podobne artykuły", "Zobacz także", "Więcej informacji"),
    },
    # A line pointing at another story, as real sites word it (eval-dev: "Veja Também:" over a removed
    # card; the benchmark: "Related: <title>").
    "read_also": {
        "en": ("See also:", "Read more:", "Related:"),
        "fr": ("À lire aussi :", "Voir aussi :"),
        "de": ("Mehr zum Thema:", "Auch interessant:", "Lesen Sie mehr:"),
        "es": ("Lea también:", "Te puede interesar:"),
        "it": ("Vedi anche:",),
        "pt": ("Veja também:", "Leia mais:"),
    },
}

# Units of a file's size beside a download link ("583 KB", "1,2 Mo", "2 МБ"), as each language writes
# them; casefolded, matched whole after a number.
FILE_SIZE_UNITS = frozenset({"b", "byte", "bytes", "kb", "mb", "gb", "kib", "mib", "gib", "ko", "mo", "go", "octets",
                             "кб", "мб", "гб"})
# Ends of a link's path that name a file to download, not a page to read.
DOWNLOAD_EXTENSIONS = frozenset({"pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
                                 "zip", "rar", "7z", "gz", "tgz", "epub", "txt", "xml", "json"})
# Stems of the word "question" in each language: a one-line call to action after an article may ask
# ("Have more questions?") or only name them ("他にご質問がございましたら", "if you have questions").
QUESTION_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("question",), "fr": ("question",), "de": ("frage",), "es": ("pregunta", "duda"), "it": ("domand",),
    "pt": ("pergunta", "dúvida"), "ja": ("質問",), "zh": ("问题", "問題"), "ko": ("질문",),
}

# Labels of a picture's credit set as a line of its own ("Foto: dpa", "Copyright: Gisele Wender", "Bild:
# Logo … | © Springer"): before a colon, such a line names who took or owns a picture, never the story's
# words. Casefolded; English also applies. "Quelle:"/"Source:" is left out: a story cites its sources.
CREDIT_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("photo", "photos", "photograph", "image", "images", "picture", "credit", "credits", "photo credit",
           "image credit", "copyright"),
    "fr": ("photo", "photos", "image", "crédit", "crédits", "crédit photo", "illustration"),
    "de": ("foto", "fotos", "bild", "bilder", "bildquelle", "fotocredit", "titelbild"),
    "es": ("foto", "fotos", "imagen", "crédito", "créditos", "fotografía"),
    "it": ("foto", "immagine", "crediti"),
    "pt": ("foto", "fotos", "imagem", "crédito", "créditos"),
    "pl": ("fot.", "foto", "zdjęcie", "zdjęcia"),
    "ja": ("写真", "画像"),
    "zh": ("图片", "圖片", "摄影", "攝影"),
    "ko": ("사진",),
}


# The names a page's properties table gives its author, publication and last-edit rows (a workspace or
# wiki page published to the web: "Author | Ann Lee", "Last edited | 9 July 2023"), beside the UI
# strings "by", "published" and "updated" themselves.
PROPERTY_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "by": {
        "en": ("Author", "Authors", "Written by", "Created by"), "fr": ("Auteur", "Auteurs", "Autrice"),
        "de": ("Autor", "Autoren", "Autorin"), "es": ("Autor", "Autores", "Autora"), "it": ("Autore", "Autori"),
        "pt": ("Autor", "Autores", "Autora"), "ja": ("著者", "作成者", "執筆者"), "zh": ("作者", "创建者"),
        "ko": ("작성자", "저자"),
    },
    "published": {
        "en": ("Published", "Date", "Publish date", "Created"), "fr": ("Publié le", "Publié", "Publication", "Date"),
        "de": ("Veröffentlicht", "Datum"), "es": ("Publicado", "Fecha"), "it": ("Pubblicato", "Data"),
        "pt": ("Publicado", "Data"), "ja": ("公開日", "公開", "日付"), "zh": ("发布日期", "发布", "日期"),
        "ko": ("게시일", "게시", "날짜"),
    },
    "updated": {
        "en": ("Last edited", "Last updated", "Updated"), "fr": ("Dernière modification", "Modifié le"),
        "de": ("Zuletzt bearbeitet", "Zuletzt aktualisiert"), "es": ("Última edición", "Última actualización"),
        "it": ("Ultima modifica",), "pt": ("Última edição", "Última atualização"),
        "ja": ("最終更新日時", "最終更新日", "最終更新"), "zh": ("上次编辑时间", "最后更新"), "ko": ("마지막 편집 시간", "최종 수정일", "최종 수정"),
    },
}

# A wiki's footer line "This page was last edited on <date>, at <time>." (MediaWiki's lastmodifiedat
# message in each language): the words around the date, which the pattern captures as "date".
WIKI_LAST_EDITED: dict[str, str] = {
    "en": r"last edited on (?P<date>.+?),? at ",
    "fr": r"modification de cette page a été faite le (?P<date>.+?) à ",
    "de": r"zuletzt am (?P<date>.+?) um ",
    "es": r"editó por última vez el (?P<date>.+?) a las ",
    "it": r"modificata per l['’]ultima volta il (?P<date>.+?) alle ",
    "pt": r"editada pela última vez em (?P<date>.+?),? às ",
    "ja": r"最終更新 (?P<date>\d{4}年\d{1,2}月\d{1,2}日)",
    "zh": r"最后编辑于 ?(?P<date>\d{4}年\d{1,2}月\d{1,2}日)",
    "ko": r"이 문서는 (?P<date>\d{4}년 \d{1,2}월 \d{1,2}일)",
}
