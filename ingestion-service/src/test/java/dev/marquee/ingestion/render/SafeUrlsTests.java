package dev.marquee.ingestion.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeUrlsTests {

	@Test
	void acceptsAbsoluteHttpAndHttpsUrls() {
		for (String url : new String[] { "https://video.marquee.local/trailers/title-003.m3u8", "http://example.com",
				"https://example.com/a?b=1&c=2#top", "HTTPS://EXAMPLE.COM/x", "https://example.com:8443/p%20q" }) {
			assertThat(SafeUrls.webUrlProblem(url)).as(url).isNull();
		}
	}

	@Test
	void refusesOtherSchemesAlsoWhenSpelledToHide() {
		for (String url : new String[] { "javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
				"\u0000javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,<b>x</b>",
				"&#00000000106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&#106avascript:alert(1)",
				"javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java\u200Bscript:alert(1)",
				" javascript:alert(1)", "file:///etc/passwd", "//evil.example/x", "/relative/path", "evil.example",
				"mailto:a@b.c", "ftp://example.com" }) {
			assertThat(SafeUrls.webUrlProblem(url)).as(url).isNotNull();
		}
	}

	@Test
	void refusesHttpUrlsThatNeedNormalisingOrNameNoHost() {
		for (String url : new String[] { "https://exa mple.com", " https://example.com", "https://example.com\n",
				"ht&#116;ps://example.com", "https:\t//example.com", "https:///path", "https:example.com",
				"https://exa\u0007mple.com", "https://example.com/&#x", "https://example.com/?a=&#" }) {
			assertThat(SafeUrls.webUrlProblem(url)).as(url).isNotNull();
		}
	}

	@Test
	void namesUrlFieldsByTheirSuffix() {
		assertThat(SafeUrls.isUrlField("videoUrl")).isTrue();
		assertThat(SafeUrls.isUrlField("ctaUrl")).isTrue();
		assertThat(SafeUrls.isUrlField("link")).isTrue();
		assertThat(SafeUrls.isUrlField("ctaLabel")).isFalse();
		assertThat(SafeUrls.isUrlField("heading")).isFalse();
	}

	@Test
	void assetFilesAreRelativePathsOnly() {
		for (String file : new String[] { "img/a.jpg", "/img/a.jpg", "space/id/poster.jpg", "images/prod/x.png?v=2",
				"a/b:c.jpg" }) {
			assertThat(SafeUrls.assetPathProblem(file)).as(file).isNull();
		}
		for (String file : new String[] { "../secret.jpg", "img/../../x.jpg", "img/%2e%2e/x.jpg", "img/..",
				"https://evil.example/a.jpg", "javascript:alert(1)", "data:image/png;base64,AAAA",
				"//evil.example/a.jpg", "\\\\evil.example\\a.jpg", "img\\..\\x.jpg", "%2F%2Fevil.example/a.jpg",
				"img/a .jpg", "img/&#46;&#46;/x", "c:/windows/x.jpg" }) {
			assertThat(SafeUrls.assetPathProblem(file)).as(file).isNotNull();
		}
	}

}
