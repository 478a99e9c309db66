"""Body cleaning and footer split: pure functions, table-driven."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.boilerplate import article_blocks
from ipgirl_crawler.pages.dom import body_fragment, flatten_blocks, parse_fragment
from pipelines.body import clean_body, count_words
from pipelines.notice import split_notice

BASE = "https://www.ipgirl.com/fr/ai/1-x"


@pytest.mark.parametrize(("raw", "lang", "text"), [
    ("<p>Un.</p><p>Deux.</p>", "fr", "Un.\n\nDeux."),
    ("<p>Hel<b>lo</b> world</p>", "en", "Hello world"),
    ("<p>a\u00a0 b\n c</p>", "en", "a b c"),
    ("<p>Cafe\u0301</p>", "fr", "Café"),
    ("<ul><li>One</li><li>Two</li></ul>", "en", "One\n\nTwo"),
    ("<ol><li>Eins</li></ol><blockquote>Zitat</blockquote>", "de", "Eins\n\nZitat"),
    ("<h2>Titre</h2><p>Texte</p>", "fr", "Titre\n\nTexte"),
    ("<p>Keep</p><div class='ad-slot'><ins></ins><script>x()</script></div>", "en", "Keep"),
    ("<p>Keep</p><p><strong>Read also:</strong> <a href='/x'>Other</a></p>", "en", "Keep"),
    ("<p>Keep</p><p><strong>Lesen Sie auch:</strong> <a href='/x'>Anderes</a></p>", "de", "Keep"),
    ("<p>Keep</p><p class='read-also'>あわせて読みたい：<a href='/x'>他</a></p>", "ja", "Keep"),
    ("<p>Text</p><figure><img src='/a.jpg' alt='A'><figcaption>Cap</figcaption></figure>", "en", "Text"),
    ("<p>Text</p><p></p><div> </div>", "en", "Text"),
    ("<p>Read also the report.</p>", "en", "Read also the report."),
    ("<p>Keep</p><p>📖 Read also: <a href='/x'>Other</a></p>", "en", "Keep"),  # an icon before the label
    # a callout's lone label goes with the "Read also" line it heads; a heading or a sentence stays
    ("<p>Keep</p><div>tip</div><p>Read also: <a href='/x'>Other</a></p>", "en", "Keep"),
    ("<p>Keep</p><div>astuce</div><p>Lire aussi : <a href='/x'>Autre</a></p>", "fr", "Keep"),
    ("<p>Keep</p><h2>Tip</h2><p>Read also: <a href='/x'>Other</a></p><p>More text.</p>", "en",
     "Keep\n\nTip\n\nMore text."),
    ("<p>Keep this.</p><p>Read also: <a href='/x'>Other</a></p>", "en", "Keep this."),
    # a line set larger than the "Read also" line after it is a section's heading (an email's bold div)
    ("<p>Keep</p><div style='font-size:22px;font-weight:700'>What comes next</div><div style='font-size:16px'>"
     "<b>Read also:</b> <a href='/x'>Other</a></div><p>More.</p>", "en", "Keep\n\nWhat comes next\n\nMore."),
    # negatives: a label set no larger, or with no inline size, goes with the line it heads
    ("<p>Keep</p><div style='font-size:12px'>tip</div><div style='font-size:16px'>Read also: "
     "<a href='/x'>Other</a></div>", "en", "Keep"),
    ("<p>Keep</p><div style='font-size:22px'>tip</div><p>Read also: <a href='/x'>Other</a></p>", "en", "Keep"),
    ("<p>Keep</p><p>Thanks</p><p>Read also: <a href='/x'>Other</a></p>", "en", "Keep\n\nThanks"),
    # a table's cells keep their words, not only their links
    ("<p>Intro.</p><table><tr><th>Team</th><td>Won <a href='/x'>3</a> games</td></tr></table>", "en",
     "Intro.\n\nTeam\n\nWon 3 games"),
    ("<p>Keep</p><p>→ Lire aussi : <a href='/x'>Autre</a></p>", "fr", "Keep"),
    ("<p>📖 Reading also matters.</p>", "en", "📖 Reading also matters."),
    ("<p>Line one<br>line two</p>", "en", "Line one line two"),
    # a noise word in the plural names the same widget; other plurals are no noise
    ("<p>Keep</p><div class='socials bglist'><div>Liked it?</div><div>Share with friends</div></div>", "en", "Keep"),
    ("<p>Keep</p><div id='shares'><a href='/s'>Share</a></div>", "en", "Keep"),
    ("<p class='news'>Keep</p><div class='posts'><p>Too</p></div>", "en", "Keep\n\nToo"),
    ("<div class='adresses'><p>Rue de la Paix 4</p></div>", "fr", "Rue de la Paix 4"),
    # what no browser renders: an inline display:none, a formula's TeX source (MathML annotation)
    ("<p>Keep<span style='display: none;'>hidden copy</span></p>", "en", "Keep"),
    ("<p>Let <span class='katex'><span class='katex-mathml'><math><semantics><mi>x</mi><annotation "
     "encoding='application/x-tex'>x^{2}</annotation></semantics></math></span><span class='katex-html' "
     "aria-hidden='true'>x2</span></span> grow.</p>", "en", "Let x grow."),
    ("<p>Let <span><span style='display:none'><math><semantics><mi>y</mi><annotation encoding='application/x-tex'>"
     "{\\displaystyle y}</annotation></semantics></math></span><img src='/y.svg' alt='y'></span> fall, <img src='/z.svg' "
     "alt='z'> too.</p>", "en", "Let fall, too."),
    # negatives: other inline styles show their text
    ("<p style='border:none;display:block'>Shown</p><p style='font-display: none'>Too</p>", "en", "Shown\n\nToo"),
    # "read also" as real sites word it; the same words leading a sentence of the story stay
    ("<p>Keep</p><p>Related: <a href='/x'>Possible water plumes on Europa</a></p>", "en", "Keep"),
    ("<p>Keep</p><p>Veja Também:</p><h2>Next</h2><p>More.</p>", "pt", "Keep\n\nNext\n\nMore."),
    ("<p>Keep</p><p><b>Mehr zum Thema:</b> <a href='/x'>Anderes</a></p>", "de", "Keep"),
    ("<p>See also the council's answer.</p><p>Read more about it below.</p>", "en",
     "See also the council's answer.\n\nRead more about it below."),
    # an ad's label, or a line saying the story goes on below the ad; the words in a sentence stay
    ("<p>Keep</p><p>Advert</p><p>Continue reading below</p>", "en", "Keep"),
    ("<p>Keep</p><p>Continua depois da publicidade</p>", "pt", "Keep"),
    ("<p>Keep</p><div>PUBLICIDADE</div>", "pt", "Keep"),
    ("<p>The advert ran for weeks. Continue reading below.</p>", "en", "The advert ran for weeks. Continue reading below."),
    # a contact box after the story (whom to write to) is the site's, not the article's
    ("<p>Keep</p><div class='single_contact'><div>Questions about a post?</div><a>Write an e-mail</a></div>", "en", "Keep"),
    ("<p class='contactless'>Contactless payment spread fast.</p>", "en", "Contactless payment spread fast."),
    ("", "en", ""),
])
def test_body_text(raw: str, lang: str, text: str) -> None:
    assert clean_body(raw, lang, BASE).text == text


@pytest.mark.parametrize(("raw", "html"), [
    ("<p class='x' style='y'>A <a href='/fr/z' onclick='e()'>B</a></p>", '<p>A <a href="https://www.ipgirl.com/fr/z">B</a></p>'),
    ("<p><b>B</b> <i>I</i> <span>S</span></p>", "<p><strong>B</strong> <em>I</em> S</p>"),
    ("<figure><img src='/m.jpg' alt='M' width='3'><figcaption>C</figcaption></figure>",
     '<figure><img src="https://www.ipgirl.com/m.jpg" alt="M"><figcaption>C</figcaption></figure>'),
    ("<p><a href='javascript:alert(1)'>x</a></p>", "<p><a>x</a></p>"),
    ("<h5>Small</h5>", "<h4>Small</h4>"),
])
def test_body_html(raw: str, html: str) -> None:
    assert clean_body(raw, "en", BASE).html == html


def test_images_and_counts() -> None:
    body = clean_body("<p>deux mots</p><figure><img src='/m.jpg' alt='M'><figcaption>Légende</figcaption></figure>", "fr", BASE)
    assert body.images == [{"url": "https://www.ipgirl.com/m.jpg", "alt": "M", "caption": "Légende"}]
    assert body.word_count == 2
    assert body.removed == {}


@pytest.mark.parametrize(("figure", "caption"), [
    ("<figure><img src='/m.jpg'><figcaption>Légende</figcaption></figure>", "Légende"),
    ("<figure><img src='/m.jpg'><figcaption> </figcaption></figure>", None),  # an empty caption is none
    ("<figure><img src='/m.jpg'><figcaption><span></span></figcaption></figure>", None),
    ("<figure><img src='/m.jpg'></figure>", None),
])
def test_image_captions(figure: str, caption: str | None) -> None:
    assert clean_body(f"<p>Text</p>{figure}", "fr", BASE).images[0]["caption"] == caption


@pytest.mark.parametrize(("text", "lang", "count"), [
    ("one two three", "en", 3), ("日本語です。", "ja", 6), ("中文 文本", "zh", 4), ("한국어 문장", "ko", 2), ("", "fr", 0),
])
def test_count_words(text: str, lang: str, count: int) -> None:
    assert count_words(text, lang) == count


NOTICE_EN = "We will continue to update IPGirl; if you have any questions or suggestions, please contact us!"
NOTICE_DE = "Wir werden IPGirl weiterhin aktualisieren; wenn Sie Fragen oder Anregungen haben, kontaktieren Sie uns bitte!"
NOTICE_JA = "IPGirlは今後も更新を続けます。ご質問やご提案がありましたら、お気軽にお問い合わせください！"


@pytest.mark.parametrize(("raw", "lang", "body", "notice"), [
    (f"<p>Body</p><p>{NOTICE_EN}</p>", "fr", "<p>Body</p>", NOTICE_EN),
    (f"<p>Body</p><p class='editor-note'><em>{NOTICE_DE}</em></p>", "de", "<p>Body</p>", NOTICE_DE),
    (f"<p>Body</p><p>{NOTICE_JA}</p>", "ja", "<p>Body</p>", NOTICE_JA),
    (f"<p>Body</p><p>{NOTICE_EN.replace(' ', chr(160))}</p>", "en", "<p>Body</p>", NOTICE_EN),
    ("<p>Body</p>", "en", "<p>Body</p>", None),
    (f"<p>Quoting: {NOTICE_EN}</p>", "en", f"<p>Quoting: {NOTICE_EN}</p>", None),
    # a callout: its icon in a box of its own before the text
    (f"<p>Body</p><div class='callout'><div>💡</div><div>{NOTICE_EN}</div></div>", "en", "<p>Body</p>", NOTICE_EN),
    (f"<p>Body</p><p>⚠️ {NOTICE_JA}</p>", "ja", "<p>Body</p>", NOTICE_JA),
    (f"<p>Note 1: {NOTICE_EN}</p>", "en", f"<p>Note 1: {NOTICE_EN}</p>", None),  # words before it: no icon
    # a callout's lone label ("note") goes with the notice; a heading or a sentence before it stays
    (f"<p>Body.</p><div>note</div><p>{NOTICE_EN}</p>", "en", "<p>Body.</p>", NOTICE_EN),
    (f"<p>Body.</p><h2>Note</h2><p>{NOTICE_EN}</p>", "en", "<p>Body.</p><h2>Note</h2>", NOTICE_EN),
    (f"<p>Body ends here.</p><p>{NOTICE_EN}</p>", "en", "<p>Body ends here.</p>", NOTICE_EN),
    (f"<p>Body.</p><blockquote><p>“短い引用”</p></blockquote><p>{NOTICE_JA}</p>", "ja",
     "<p>Body.</p><blockquote><p>“短い引用”</p></blockquote>", NOTICE_JA),
])
def test_split_notice(raw: str, lang: str, body: str, notice: str | None) -> None:
    assert split_notice(raw, lang) == (body, notice)


@pytest.mark.parametrize(("raw", "other"), [
    (f"text <p>Body <b>one</b></p>\n<p>Two\x01</p> tail <p>{NOTICE_EN}</p> end", None),
    (f"<div><p>A</p>x</div><ul><li>B</li></ul><p>{NOTICE_EN}</p>", None),
    (f"<p>Body</p><p>{NOTICE_EN}</p>", "<p>Other body</p>"),  # another HTML: parsed, not the handed tree
])
def test_body_reads_the_notice_pipelines_tree_as_a_parse_of_its_html(raw: str, other: str | None) -> None:
    body, _ = split_notice(raw, "en")
    handed = body_fragment(other or body)
    parsed = parse_fragment(other or body)
    assert etree.tostring(handed, encoding="unicode") == etree.tostring(parsed, encoding="unicode")
    assert body_fragment(body) is not handed  # taken once: the taker edits it


@pytest.mark.parametrize(("raw", "text"), [
    ("<p>Keep</p><div class='ad-inline'>Buy now</div>", "Keep"),
    ("<p>Keep</p><div id='sponsored_box'>Buy now</div>", "Keep"),
    ("<p>Keep</p><div class='aDSl9V'><p>Hashed wrapper, not an ad</p></div>", "Keep\n\nHashed wrapper, not an ad"),
    ("<p>Keep</p><div class='headline'><p>Not an ad either</p></div>", "Keep\n\nNot an ad either"),
])
def test_noise_is_matched_by_whole_words(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


@pytest.mark.parametrize(("raw", "text"), [
    ("<ul><li>One<ul><li>One.a</li><li>One.b</li></ul></li><li>Two</li></ul>", "One\n\nOne.a\n\nOne.b\n\nTwo"),
    ("<ol><li>First <b>bold</b></li></ol>", "First bold"),
])
def test_each_list_item_is_a_block_nested_ones_too(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


@pytest.mark.parametrize(("img", "url"), [
    ("<img src='data:image/gif;base64,R0lG' data-src='/m/real.jpg' alt='A'>", "https://www.ipgirl.com/m/real.jpg"),
    ("<img data-original='/m/real.jpg' alt='A'>", "https://www.ipgirl.com/m/real.jpg"),
    ("<img srcset='/m/small.jpg 640w, /m/big.jpg 1280w' alt='A'>", "https://www.ipgirl.com/m/small.jpg"),
    ("<img src='/m/plain.jpg' data-src='/m/other.jpg' alt='A'>", "https://www.ipgirl.com/m/plain.jpg"),
])
def test_lazy_loaded_images_keep_their_real_source(img: str, url: str) -> None:
    body = clean_body(f"<p>Text</p><figure>{img}<figcaption>Cap</figcaption></figure>", "en", BASE)
    assert body.images == [{"url": url, "alt": "A", "caption": "Cap"}]


@pytest.mark.parametrize(("raw", "lang", "text"), [
    # An ad's frame left with only its label once the slot and its script are gone.
    (("<p>Keep.</p><div class='my-10'><span>Advertisement</span><div id='div-gpt-ad-16-0'></div>"
     "<script>g()</script></div>"), "en", "Keep."),
    ("<p>Keep.</p><div><span>Sponsored by</span><ins class='x'></ins></div>", "en", "Keep."),
    # A slot nothing names as an ad: the label alone, from the per-language table.
    ("<p>Keep.</p><div class='k3j'><span>Anzeige</span><div data-unit='/1'></div></div>", "de", "Keep."),
    ("<p>Keep.</p><p>광고</p>", "ko", "Keep."),
    ("<p>Keep.</p><p>スポンサー</p>", "ja", "Keep."),
    ("<p>Keep.</p><amp-ad width='300'><span>Publicité</span></amp-ad>", "fr", "Keep."),
    # Not labels: a sentence, a heading, a paragraph beside a script, a word that is no ad label.
    ("<div><span>Ends with a full stop.</span><div class='ad'></div></div>", "en", "Ends with a full stop."),
    ("<h2>Outlook<script>x()</script></h2><p>Text.</p>", "en", "Outlook\n\nText."),
    ("<div><p>Short</p><script></script></div>", "en", "Short"),
    ("<p>Werbung ist ein Geschäft.</p>", "de", "Werbung ist ein Geschäft."),
    ("<p>スポンサー企業が資金を出した。</p>", "ja", "スポンサー企業が資金を出した。"),
])
def test_ad_labels_go_with_their_ads(raw: str, lang: str, text: str) -> None:
    assert clean_body(raw, lang, BASE).text == text


@pytest.mark.parametrize(("raw", "text"), [
    ("<h2 id='w'>Why it matters<a href='#w' aria-hidden='true' tabindex='-1'>#</a></h2>", "Why it matters"),
    ("<h2 id='w'><a href='#w'>¶</a> Why it matters</h2>", "Why it matters"),
    ("<h3 id='w'>Why<a class='anchor' href='#w'>🔗</a></h3>", "Why"),
    ("<p>One <span aria-hidden='true'>★</span>two</p><aside aria-hidden='true'><p>Quote</p></aside>", "One two"),
    ("<p>Shown</p><div hidden><p>Not shown</p></div>", "Shown"),
    # Kept: collapsed text a reader opens, a "#" link in prose, a heading's words that link to a section.
    ("<p>Shown</p><div hidden='until-found'><p>Opened</p></div>", "Shown\n\nOpened"),
    ("<p>Use the <a href='#tag'>#</a> key.</p>", "Use the # key."),
    ("<h2><a href='#notes'>Notes</a></h2>", "Notes"),
    ("<p aria-hidden='false'>Visible</p>", "Visible"),
])
def test_hidden_subtrees_and_permalink_marks_are_no_text(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


_FORM = ("<form action='{action}'><input type='email' name='email'>"
         "<button type='submit'>Subscribe</button></form>")


@pytest.mark.parametrize(("box", "kept"), [
    # A sign-up box: a typed field, a submit button, a line or two of text; the whole box goes.
    ("<div class='k1'><h3>Get the newsletter</h3><p>The week in AI.</p>" + _FORM.format(action="/api/x") + "</div>", False),
    ("<div><h3>Leave a comment</h3><form><textarea></textarea><input type='submit'></form></div>", False),
    # Kept: a box whose text is long, a form with nothing to type in (votes), a form-less box.
    ("<div><h3>Long</h3><p>" + "A real paragraph of the article. " * 12 + "</p>" + _FORM.format(action="/x") + "</div>", True),
    ("<div><h3>Was this helpful?</h3><p>Tell us.</p><form><button type='button'>Yes</button></form></div>", True),
    ("<div><h3>Aside</h3><p>A short box of text.</p></div>", True),
])
def test_form_widgets_leave_the_body(box: str, kept: bool) -> None:
    main_text = "<p>" + "The article's own long text. " * 20 + "</p>"
    container = etree.fromstring(f"<div>{main_text}{box}<p>End.</p></div>", etree.HTMLParser()).find(".//body/div")
    blocks = list(flatten_blocks(container))
    texts = [b.xpath("string()")[:12] for b in article_blocks(blocks, container, container)]
    assert (len(texts) == len(blocks)) is kept
    assert texts[-1] == "End." and texts[0].startswith("The article")


@pytest.mark.parametrize(("box", "kept"), [
    # Widgets as real sites name them: WordPress's post footer, an advertiser disclosure, a shop's buy box,
    # an embed held back until consent, comments named in the site's language.
    ("<div class='postmetadata'>Erstellt am Dienstag und abgelegt unter Linux.</div>", False),
    ("<section class='editorial-disclosure'><p>This post contains references to products.</p></section>", False),
    ("<div class='buybox__info'><p>Instant access to the full article PDF.</p></div>", False),
    ("<div class='_brlbs-content-blocker'><p>Klicken Sie, um den Inhalt zu laden.</p></div>", False),
    ("<div class='kommentare' id='kommentare'><h2>Kommentieren Sie</h2></div>", False),
    ("<div class='commentaires'><p>Un avis.</p></div>", False),
    # Kept: the words inside a longer name, a box named otherwise, a name that only starts like one
    ("<div class='metadata-box'><p>A box of the story.</p></div>", True),
    ("<div class='disclosures-of-the-case'><p>A box of the story.</p></div>", True),
    ("<div class='post'><p>A box of the story.</p></div>", True),
    ("<div class='blockers-list'><p>A box of the story.</p></div>", True),
])
def test_widgets_named_for_noise_leave_the_body(box: str, kept: bool) -> None:
    main_text = "<p>" + "The article's own long text. " * 20 + "</p>"
    container = etree.fromstring(f"<div>{main_text}{box}<p>End.</p></div>", etree.HTMLParser()).find(".//body/div")
    blocks = list(flatten_blocks(container))
    texts = [b.xpath("string()")[:12] for b in article_blocks(blocks, container, container)]
    assert (len(texts) == len(blocks)) is kept
    assert texts[-1] == "End." and texts[0].startswith("The article")


_ADDRESS = "<p>Our mailing address is:</p><p>IPGirl, 12 rue de la Paix</p><p>75002 Paris</p>"


@pytest.mark.parametrize(("box", "kept"), [
    # A mailing's footer: the sender's address and an opt-out link (CAN-SPAM), whatever its words say.
    ("<table><tr><td><p>Copyright 2026 IPGirl.</p>" + _ADDRESS + "<p>You can <a href='https://x.list-manage.com/"
     "unsubscribe?u=1'>unsubscribe from this list</a>.</p></td></tr></table>", []),
    ("<div><p>Vous recevez cet e-mail car vous êtes inscrit.</p><p><a href='/newsletter/optout?id=9'>Se désabonner</a>"
     "</p></div>", []),
    # Kept: an address with no opt-out link; a box that holds a title is a story's, the link's line alone goes
    ("<div>" + _ADDRESS + "<p>Questions? Write to us there.</p></div>",
     ["Our mailing address is:", "IPGirl, 12 rue de la Paix", "75002 Paris", "Questions? Write to us there."]),
    # (its h1, after the story's first sentence, is a block of its own: a section's heading, dom.SECTION_H1)
    ("<div><h1>How to leave a list</h1><p>Most senders must offer a way out.</p><p>Press <a href='/unsubscribe'>"
     "this</a>.</p></div>", ["How to leave a list", "Most senders must offer a way out."]),
])
def test_a_mailings_footer_leaves_the_body(box: str, kept: list[str]) -> None:
    main_text = "<p>" + "The article's own long text. " * 3 + "</p>"
    container = etree.fromstring(f"<div>{main_text}{box}<p>End.</p></div>", etree.HTMLParser()).find(".//body/div")
    texts = [b.xpath("string()") for b in article_blocks(list(flatten_blocks(container)), container, container)]
    assert texts == [main_text[3:-4], *kept, "End."]
