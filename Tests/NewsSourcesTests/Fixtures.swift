import Foundation

/// Small news pages and feeds built around seed text (../shared/corpus/seeds/003 and 000), with the
/// boilerplate real Kazakh news sites carry.
enum Fixtures {
    static let paragraph1 = "5 қазан күні Алматы қаласына World Craft City – әлемдік қолөнер қаласы ресми мәртебесін беру салтанатты рәсімі өтті."
    static let paragraph2 = "Іс-шара 4 қазанда Республика сарайының алдындағы Абай алаңында басталған ALA CRAFT 2025 халықаралық фестивалі аясында өтті."
    static let quote = "«Алматының World Craft City мәртебесіне ие болуы – маңызды жетістік», – деп атап өтті Ғалия Тоқсейітова."
    static let title = "Алматы ресми түрде World Craft City мәртебесіне ие болды"

    /// A news page with menus, share buttons, "Оқи отырыңыз:", a partner block, scripts, a footer,
    /// entities and sloppy markup (unquoted attributes, unclosed <p>, a stray </div>).
    static let page = """
        <!DOCTYPE html>
        <html lang="kk"><head>
        <meta charset="utf-8">
        <title>Алматы ресми түрде World Craft City мәртебесіне ие болды | Almaty.tv</title>
        <meta property="og:title" content="Алматы ресми түрде World Craft City мәртебесіне ие болды">
        <meta property="og:site_name" content="Almaty.tv">
        <meta property="og:url" content="https://almaty.tv/kz/news/world-craft-city">
        <meta property="article:published_time" content="2025-10-05T14:30:00+05:00">
        <style>.share { color: red } p::before { content: "<p>Жасырын</p>" }</style>
        <script>var html = "<p>Скрипт мәтіні</p>"; if (a < b && c > d) {}</script>
        </head>
        <body>
        <header class=site-header><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a></header>
        <nav><ul><li><a href="/kz">Қазақша</a></li><li><a href="/ru">Русский</a></li></ul></nav>
        <div class="breadcrumbs"><a href="/">Басты</a> / <a href="/news">Қоғам</a></div>
        <article>
        <h1>Алматы ресми түрде World Craft City мәртебесіне ие болды</h1>
        <div class="share-buttons"><span>Жаңалықтармен бөлісіңіз</span><a href="#">Facebook</a></div>
        <p>\(paragraph1)
        <p>\(paragraph2.replacingOccurrences(of: "Абай алаңында", with: "Абай&nbsp;алаңында"))</p>
        </div>
        <p>&laquo;Алматының World Craft City мәртебесіне ие болуы &ndash; маңызды жетістік&raquo;, &ndash; деп атап өтті &#1170;алия Тоқсейітова.</p>
        <p>Оқи отырыңыз: <a href="/kz/news/education">Қазақстан білім жүйесінде ілгеріледі</a></p>
        <p><a href="/a">Тағы бір жаңалық</a> <a href="/b">Басқа жаңалық</a></p>
        </article>
        <div class="partners"><h3>Новости партнеров</h3><a href="https://example.com">Жарнама мәтіні</a></div>
        <aside>Ең көп оқылған</aside>
        <footer>© 2025 Almaty.tv. Барлық құқықтар қорғалған.</footer>
        <script>document.write("<div>қосымша</div>")</script>
        </body></html>
        """

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
        <title>Almaty.tv</title>
        <link>https://almaty.tv</link>
        <item>
          <title>\(title)</title>
          <link>https://almaty.tv/kz/news/world-craft-city</link>
          <guid>wcc-2025</guid>
          <pubDate>Sun, 05 Oct 2025 14:30:00 +0500</pubDate>
          <description>Қысқаша: Алматы World Craft City атанды.</description>
          <content:encoded><![CDATA[<p>\(paragraph1)</p><p>Жаңалықтармен бөлісіңіз</p><p>\(paragraph2)</p>]]></content:encoded>
        </item>
        <item>
          <title>ЮНЕСКО штаб-пәтерінде Алматының 1000 жылдығы</title>
          <link>https://almaty.tv/kz/news/unesco</link>
          <pubDate>Mon, 06 Oct 2025 09:00:00 GMT</pubDate>
          <description>&lt;p&gt;Парижде ЮНЕСКО штаб пәтерінде Алматы қаласының 1000 жылдығын кеңінен атап өтті.&lt;/p&gt;</description>
        </item>
        </channel>
        </rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Kazinform</title>
          <entry>
            <title>\(title)</title>
            <id>tag:kazinform,2025:wcc</id>
            <link rel="alternate" href="https://kazinform.kz/wcc"/>
            <published>2025-10-05T12:00:00Z</published>
            <content type="html">&lt;p&gt;\(paragraph1)&lt;/p&gt;&lt;p&gt;Оқи отырыңыз: басқа жаңалық&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Қысқа хабар</title>
            <id>tag:kazinform,2025:short</id>
            <updated>2025-10-06T08:00:00Z</updated>
            <summary>\(paragraph2)</summary>
          </entry>
        </feed>
        """

    static let jsonl = """
        {"id": "a1", "title": "\(title)", "text": "\(paragraph1)", "url": "https://almaty.tv/1", "published": "2025-10-05", "source": "Almaty.tv"}
        {"id": 2, "title": "Фестиваль", "text": "\(paragraph2)", "source": "Kazinform"}
        {"id": "broken", "title": "Сынық жол", "text": "аяқталмаған
        {"id": "notext", "title": "Мәтінсіз"}

        [1, 2, 3]
        """
}
