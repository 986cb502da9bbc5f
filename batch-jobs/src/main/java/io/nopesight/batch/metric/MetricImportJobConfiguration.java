package io.nopesight.batch.metric;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.nopesight.batch.StopWhenInterrupted;
import io.nopesight.core.metric.CiResolvers;
import io.nopesight.core.metric.MetricSettings;
import io.nopesight.core.metric.MetricStore;

/**
 * The metric import job: one chunk-oriented step reading the stored file in blocks (parsed and their
 * CIs resolved on the reader's thread) and writing each block's samples in its own transaction. The only job parameter is the import id; the rest is in its row.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricImportSettings.class)
class MetricImportJobConfiguration {

	static final String JOB_NAME = "metricImportJob";

	static final String IMPORT_ID = "importId";

	@Bean
	Job metricImportJob(JobRepository jobRepository, Step metricImportStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(metricImportStep).build();
	}

	// One item is a block of chunk-size lines, parsed ahead by the reader's own thread, so a chunk
	// (one transaction) is one item.
	@Bean
	Step metricImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MetricBlockReader metricBlockReader, MetricImportWriter metricImportWriter) {
		return new StepBuilder("metricImportStep", jobRepository).<ImportBlock, ImportBlock>chunk(1)
			.transactionManager(transactionManager)
			.interruptionPolicy(new StopWhenInterrupted())
			.reader(metricBlockReader)
			.writer(metricImportWriter)
			.build();
	}

	@Bean
	@StepScope
	MetricBlockReader metricBlockReader(@Value("#{jobParameters['importId']}") String importId,
			JdbcMetricImportRepository imports, MetricImportContent content, CiResolvers cis, MetricSettings settings,
			MetricStore store, MetricImportSettings importSettings) {
		JdbcMetricImportRepository.StoredImport stored = imports.find(importId)
			.orElseThrow(() -> new MetricImportNotFoundException(importId));
		MetricLineProcessor lines = new MetricLineProcessor(stored.format(), cis.newResolver(), settings,
				stored.defaultCi(), stored.createdAt());
		return new MetricBlockReader(() -> content.open(stored), stored.gzip(), lines, store,
				importSettings.chunkSize(), importSettings.maxSkipReasons());
	}

	@Bean
	@StepScope
	MetricImportWriter metricImportWriter(@Value("#{jobParameters['importId']}") String importId,
			MetricStore store, JdbcMetricImportRepository imports, MetricImportSettings settings) {
		return new MetricImportWriter(importId, store, imports, settings.maxSkipReasons());
	}

}
