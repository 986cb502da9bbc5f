package io.nopesight.batch.metric;

import java.nio.file.Path;

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

import io.nopesight.core.metric.CiResolvers;
import io.nopesight.core.metric.MetricSettings;
import io.nopesight.core.metric.MetricStore;

/**
 * The metric import job: one chunk-oriented step reading the stored file, resolving each line's CI and
 * writing samples chunk by chunk. The only job parameter is the import id; the rest is in its row.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricImportSettings.class)
class MetricImportJobConfiguration {

	static final String JOB_NAME = "metricImportJob";

	@Bean
	Job metricImportJob(JobRepository jobRepository, Step metricImportStep, MetricImportListener listener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(metricImportStep).listener(listener).build();
	}

	@Bean
	Step metricImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MetricFileReader metricFileReader, MetricLineProcessor metricLineProcessor,
			MetricImportWriter metricImportWriter, MetricImportSettings settings) {
		return new StepBuilder("metricImportStep", jobRepository)
			.<SourceLine, ImportRow>chunk(settings.chunkSize())
			.transactionManager(transactionManager)
			.reader(metricFileReader)
			.processor(metricLineProcessor)
			.writer(metricImportWriter)
			.build();
	}

	@Bean
	@StepScope
	MetricFileReader metricFileReader(@Value("#{jobParameters['importId']}") String importId,
			JdbcMetricImportRepository imports) {
		JdbcMetricImportRepository.StoredImport stored = imports.find(importId)
			.orElseThrow(() -> new MetricImportNotFoundException(importId));
		return new MetricFileReader(Path.of(stored.file()), stored.gzip());
	}

	@Bean
	@StepScope
	MetricLineProcessor metricLineProcessor(@Value("#{jobParameters['importId']}") String importId,
			JdbcMetricImportRepository imports, CiResolvers cis, MetricSettings settings) {
		JdbcMetricImportRepository.StoredImport stored = imports.find(importId)
			.orElseThrow(() -> new MetricImportNotFoundException(importId));
		return new MetricLineProcessor(stored.format(), cis.newResolver(), settings, stored.defaultCi(),
				stored.createdAt());
	}

	@Bean
	@StepScope
	MetricImportWriter metricImportWriter(@Value("#{jobParameters['importId']}") String importId,
			MetricStore store, JdbcMetricImportRepository imports, MetricImportSettings settings) {
		return new MetricImportWriter(importId, store, imports, settings.maxSkipReasons());
	}

}
