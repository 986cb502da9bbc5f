package io.nopesight.batch.metric;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads metric imports run on: two at a time, more wait in the queue (each import's row stays
 * {@code running} meanwhile and keeps its heartbeat).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MetricBatchConfiguration {

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor metricImportExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setThreadNamePrefix("metric-import-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

}
