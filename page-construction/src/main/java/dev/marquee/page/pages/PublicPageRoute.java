package dev.marquee.page.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Registers {@link PublicPageFilter} for {@code /pages/*}: after Boot's HTTP server
 * observation filter ({@code HIGHEST_PRECEDENCE + 1}) and service-support's trace id
 * header ({@code + 2}), so a page read is observed and traced as before, and ahead of
 * Boot's form-content and request-context filters and Spring Security's chain
 * ({@code -100}), which a public read of ready bytes does not need.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageRoute {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	FilterRegistrationBean<PublicPageFilter> publicPageFilter(PageReader reader, PageBodies bodies,
			PageProblems problems, ObjectProvider<RequestMappingHandlerAdapter> mvc) {
		FilterRegistrationBean<PublicPageFilter> registration = new FilterRegistrationBean<>(
				new PublicPageFilter(reader, bodies, problems, mvc));
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/pages/*");
		return registration;
	}

}
