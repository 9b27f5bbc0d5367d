package io.incidentflow.ingest;

import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * TEST ONLY, until the security branch is merged: stands in for its rules on the ingestion paths
 * ({@code /api/events/**} open, {@code /api/**} HTTP Basic with authorities {@code GROUP_<group>}),
 * with the test admin of that branch (admin / test-admin-password, group camunda-admin) and a
 * service-desk user. Delete this class once SecurityConfig is on main; the tests need no other change.
 */
@TestConfiguration(proxyBeanMethods = false)
class IngestTestSecurity {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String AGENT = "ingest-agent";
    static final String AGENT_PASSWORD = "agent-password";

    @Bean
    @Order(0)
    SecurityFilterChain ingestTestSecurityChain(HttpSecurity http) throws Exception {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername(ADMIN).password("{noop}" + ADMIN_PASSWORD)
                        .authorities(List.of(new SimpleGrantedAuthority("GROUP_camunda-admin"))).build(),
                User.withUsername(AGENT).password("{noop}" + AGENT_PASSWORD)
                        .authorities(List.of(new SimpleGrantedAuthority("GROUP_service-desk"))).build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        http.securityMatcher("/api/events/**", "/api/integrations", "/api/integrations/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/events/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
