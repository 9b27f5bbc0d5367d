package io.incidentflow.notify.channel;

import io.incidentflow.notify.Channel;
import io.incidentflow.notify.NotifyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two HTTP channels, each from its own section of {@code incidentflow.notify}. */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    HttpGatewayChannel chatChannel(NotifyProperties properties) {
        return new HttpGatewayChannel(Channel.CHAT, properties.chat(), properties.httpTimeout(), "incidentflow.notify.chat");
    }

    @Bean
    HttpGatewayChannel smsChannel(NotifyProperties properties) {
        return new HttpGatewayChannel(Channel.SMS, properties.sms(), properties.httpTimeout(), "incidentflow.notify.sms");
    }
}
