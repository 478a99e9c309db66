"""Body cleaning and footer split: pure functions, table-driven."""
from __future__ import annotations

import pytest

from pipelines.body import clean_body, count_words
from pipelines.footer import split_notice

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
    ("<p>Line one<br>line two</p>", "en", "Line one line two"),
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
])
def test_split_notice(raw: str, lang: str, body: str, notice: str | None) -> None:
    assert split_notice(raw, lang) == (body, notice)


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
