package dev.marquee.support.error;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ProblemErrorController} before Boot's error auto-configuration, whose
 * {@code BasicErrorController} then backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemErrorAutoConfiguration {

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

}
