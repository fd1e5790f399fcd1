package dev.marquee.page.pages;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicPageFilterTests {

	@Test
	void plainSlugsOfGetAndHeadAreTaken() {
		assertThat(PublicPageFilter.slug(request("GET", "/pages/home"))).isEqualTo("home");
		assertThat(PublicPageFilter.slug(request("HEAD", "/pages/home"))).isEqualTo("home");
		assertThat(PublicPageFilter.slug(request("GET", "/pages/articles/story-01"))).isEqualTo("articles/story-01");
		assertThat(PublicPageFilter.slug(request("GET", "/pages/a.b_c~d"))).isEqualTo("a.b_c~d");
		assertThat(PublicPageFilter.slug(request("GET", "/pages/..."))).isEqualTo("...");
	}

	@Test
	void aContextPathIsSkipped() {
		MockHttpServletRequest request = request("GET", "/app/pages/home");
		request.setContextPath("/app");

		assertThat(PublicPageFilter.slug(request)).isEqualTo("home");
	}

	@Test
	void otherMethodsAndPathsAreLeftToTheNormalChain() {
		assertThat(PublicPageFilter.slug(request("POST", "/pages/home"))).isNull();
		assertThat(PublicPageFilter.slug(request("OPTIONS", "/pages/home"))).isNull();
		assertThat(PublicPageFilter.slug(request("GET", "/pages"))).isNull();
		assertThat(PublicPageFilter.slug(request("GET", "/pages/"))).isNull();
		assertThat(PublicPageFilter.slug(request("GET", "/preview/pages/home"))).isNull();
		assertThat(PublicPageFilter.slug(request("GET", "/pagesx/home"))).isNull();
	}

	@Test
	void slugsThatDecodingNormalizationOrTheFirewallWouldChangeAreLeftToTheNormalChain() {
		for (String uri : new String[] { "/pages/a%2Fb", "/pages/caf%C3%A9", "/pages/a;b", "/pages/a//b", "/pages/a/",
				"/pages/./a", "/pages/a/../b", "/pages/..", "/pages/a b", "/pages/a\\b", "/pages/é" }) {
			assertThat(PublicPageFilter.slug(request("GET", uri))).as(uri).isNull();
		}
	}

	@Test
	void headerValuesWithControlCharactersAreLeftToTheFirewall() {
		assertThat(PublicPageFilter.plain(null)).isTrue();
		assertThat(PublicPageFilter.plain("\"42\", W/\"43-gzip\"")).isTrue();
		assertThat(PublicPageFilter.plain("gzip;\tq=1")).isFalse();
		assertThat(PublicPageFilter.plain("gzip\u0000")).isFalse();
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

}
