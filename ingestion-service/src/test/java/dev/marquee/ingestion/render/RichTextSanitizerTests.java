package dev.marquee.ingestion.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RichTextSanitizerTests {

	@Test
	void keepsProseExactlyAsWritten() {
		String prose = "<p>the word onion=good, javascript: is a word, \"quoted\" it's a+b @me `x` &amp; 1 &lt; 2</p>";

		assertThat(RichTextSanitizer.sanitize(prose)).isEqualTo(prose);
		assertThat(RichTextSanitizer.sanitize("<p>Click <strong>here</strong> or <em>there</em>.</p>"))
			.isEqualTo("<p>Click <strong>here</strong> or <em>there</em>.</p>");
	}

	@Test
	void linksKeepHttpHttpsAndMailtoWithNoopenerNoreferrer() {
		assertThat(RichTextSanitizer.sanitize("<a href=\"https://example.com/a?b=1&amp;c=2\" target=_blank>x</a>"))
			.isEqualTo("<a href=\"https://example.com/a?b&#61;1&amp;c&#61;2\" rel=\"noopener noreferrer\">x</a>");
		assertThat(RichTextSanitizer.sanitize("<a href=\"http://example.com\" rel=opener>x</a>"))
			.isEqualTo("<a href=\"http://example.com\" rel=\"noopener noreferrer\">x</a>");
		assertThat(RichTextSanitizer.sanitize("<a href=\"mailto:press@example.com\">mail</a>"))
			.isEqualTo("<a href=\"mailto:press&#64;example.com\" rel=\"noopener noreferrer\">mail</a>");
	}

	@Test
	void dropsLinksToAnyOtherSchemeAndRelativeLinks() {
		for (String href : new String[] { "&#00000000106;avascript:alert(1)", "javascript:alert(1)",
				"java\tscript:alert(1)", "jav&#x09;ascript:alert(1)", "javascript&colon;alert(1)", "vbscript:msgbox(1)",
				"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "//evil.example/", "/relative",
				"evil.example", " javascript:alert(1)", "https:evil.example" }) {
			assertThat(RichTextSanitizer.sanitize("<a href=\"" + href + "\">text</a>")).as(href).isEqualTo("text");
		}
	}

	@Test
	void dropsFormsBaseMetaLinkStyleAndOverlays() {
		assertThat(RichTextSanitizer
			.sanitize("<form action=\"https://evil.example\"><input name=p><button>Go</button></form>"))
			.isEqualTo("Go");
		assertThat(RichTextSanitizer.sanitize("<base href=\"https://evil.example/\"><p>a</p>")).isEqualTo("<p>a</p>");
		assertThat(RichTextSanitizer.sanitize("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">b"))
			.isEqualTo("b");
		assertThat(RichTextSanitizer.sanitize("<link rel=stylesheet href=https://evil.example/x.css>c")).isEqualTo("c");
		assertThat(RichTextSanitizer
			.sanitize("<div style=\"position:fixed;inset:0;z-index:9\">Win!</div><style>p{position:fixed}</style>"))
			.isEqualTo("Win!");
		assertThat(RichTextSanitizer.sanitize("<p style=\"position:fixed\" class=x id=y>d</p>")).isEqualTo("<p>d</p>");
		assertThat(
				RichTextSanitizer.sanitize("e<img src=x onerror=alert(1)><svg onload=alert(1)></svg><iframe src=x>f"))
			.isEqualTo("e");
	}

	@Test
	void splicedAttacksDoNotJoinUp() {
		assertThat(RichTextSanitizer.sanitize("<scr<script></script>ipt>alert(1)</scr<script></script>ipt>"))
			.doesNotContain("<script");
		assertThat(RichTextSanitizer.sanitize("<a href=\"java<!-- -->script:alert(1)\">x</a>")).isEqualTo("x");
	}

}
