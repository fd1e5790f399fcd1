package dev.marquee.support.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.marquee.support.localdefaults.LocalDefault;
import dev.marquee.support.localdefaults.LocalDefaults;

/**
 * What the four services' security has in common: the three HTTP Basic users, the
 * password encoder, and every filter chain stateless, without CSRF (no browser session
 * exists to forge), answering 401 and 403 as problems. Spring Security applies the
 * {@code Customizer<HttpSecurity>} bean to each chain before the service's own rules, so
 * a service's {@code SecurityFilterChain} says only who may call what.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MarqueeSecurityProperties.class)
public class MarqueeSecurityAutoConfiguration {

	/**
	 * The service user's name, the one every service-to-service call authenticates as.
	 */
	public static final String SERVICE_USER = "marquee-service";

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		// Basic auth checks the password on every stateless request, and these hashes
		// exist only in memory (made at
		// startup from configuration): cost 4 keeps a check near 1 ms where the default
		// cost 10 took ~100 ms of CPU
		// and made authenticated previews, long-polls and blob downloads CPU-bound under
		// load.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	@ConditionalOnMissingBean
	UserDetailsService users(MarqueeSecurityProperties properties, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(
				User.withUsername("admin")
					.password(encoder.encode(properties.adminPassword()))
					.roles("ADMIN", "EDITOR")
					.build(),
				User.withUsername("editor")
					.password(encoder.encode(properties.editorPassword()))
					.roles("EDITOR")
					.build(),
				User.withUsername(SERVICE_USER)
					.password(encoder.encode(properties.servicePassword()))
					.roles("SERVICE")
					.build());
	}

	@Bean
	Customizer<HttpSecurity> marqueeHttpSecurity() {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
		return (http) -> {
			try {
				http.csrf(AbstractHttpConfigurer::disable)
					.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
					.requestCache((cache) -> cache.disable())
					.logout((logout) -> logout.disable())
					.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
					.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint)
						.accessDeniedHandler(accessDenied));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not apply Marquee's HTTP security defaults", ex);
			}
		};
	}

	@Bean
	LocalDefaults localCredentials(MarqueeSecurityProperties properties) {
		return () -> {
			List<LocalDefault> defaults = new ArrayList<>();
			LocalDefault.add(defaults, "MARQUEE_ADMIN_PASSWORD", "user admin / password", properties.adminPassword(),
					MarqueeSecurityProperties.LOCAL_ADMIN_PASSWORD);
			LocalDefault.add(defaults, "MARQUEE_EDITOR_PASSWORD", "user editor / password", properties.editorPassword(),
					MarqueeSecurityProperties.LOCAL_EDITOR_PASSWORD);
			LocalDefault.add(defaults, "MARQUEE_SERVICE_PASSWORD", "user " + SERVICE_USER + " / password",
					properties.servicePassword(), MarqueeSecurityProperties.LOCAL_SERVICE_PASSWORD);
			return defaults;
		};
	}

}
