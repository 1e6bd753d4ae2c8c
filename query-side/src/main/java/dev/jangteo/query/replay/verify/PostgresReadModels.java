package dev.jangteo.query.replay.verify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL tables each processing group writes (the Flyway migrations V2..V20), for verified replays. A new
 * read-model table belongs here as well as in its group's reset handler.
 */
@Configuration(proxyBeanMethods = false)
class PostgresReadModels {

    @Bean
    ShadowStore couponTables(JdbcClient jdbc) {
        return new PostgresShadowStore("coupons", jdbc, "coupon_view", "user_coupon");
    }

    @Bean
    ShadowStore accountTables(JdbcClient jdbc) {
        return new PostgresShadowStore("accounts", jdbc, "account_view");
    }

    @Bean
    ShadowStore catalogTables(JdbcClient jdbc) {
        return new PostgresShadowStore("catalog", jdbc, "product_view");
    }

    @Bean
    ShadowStore orderTables(JdbcClient jdbc) {
        return new PostgresShadowStore("orders", jdbc, "order_view", "order_line_view");
    }

    @Bean
    ShadowStore salesTables(JdbcClient jdbc) {
        return new PostgresShadowStore("sales", jdbc, "sales_product", "product_daily_sales", "daily_discount");
    }

    @Bean
    ShadowStore chatTables(JdbcClient jdbc) {
        return new PostgresShadowStore("chat", jdbc, "chat_room", "chat_member", "chat_message");
    }
}
