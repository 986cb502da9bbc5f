package io.nopesight.core.cmdb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nopesight.core.ConflictException;
import io.nopesight.core.ExpectedRevision;
import io.nopesight.core.Ids;
import io.nopesight.core.InvalidInputException;
import io.nopesight.core.InvalidInputException.FieldError;
import io.nopesight.core.Page;
import io.nopesight.core.outbox.DomainEventOutbox;

@Service
class DefaultRelationshipManagement implements RelationshipManagement {

	private final JdbcRelationshipRepository relationships;

	private final JdbcConfigurationItemRepository items;

	private final DomainEventOutbox outbox;

	DefaultRelationshipManagement(JdbcRelationshipRepository relationships, JdbcConfigurationItemRepository items,
			DomainEventOutbox outbox) {
		this.relationships = relationships;
		this.items = items;
		this.outbox = outbox;
	}

	@Override
	@Transactional
	public Relationship create(NewRelationship relationship, String actor) {
		check(relationship);
		if (this.relationships.exists(relationship.sourceCi(), relationship.targetCi(), relationship.type())) {
			throw duplicate(relationship);
		}
		String id = Ids.next("rel");
		try {
			this.relationships.insert(id, row(relationship, actor));
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(relationship);
		}
		return published(id);
	}

	@Override
	@Transactional
	public Discovered recordDiscovered(NewRelationship relationship, String actor) {
		check(relationship);
		Optional<JdbcRelationshipRepository.Written> written = this.relationships
			.upsertDiscovered(Ids.next("rel"), row(relationship, actor));
		if (written.isEmpty()) {
			return Discovered.UNCHANGED;
		}
		if (written.get().inserted()) {
			published(written.get().id());
			return Discovered.CREATED;
		}
		publish("relationship.updated", get(written.get().id()));
		return Discovered.UPDATED;
	}

	private static JdbcRelationshipRepository.NewRelationshipRow row(NewRelationship relationship, String actor) {
		String discoveredBy = (relationship.discoveredBy() != null) ? relationship.discoveredBy()
				: Relationship.MANUAL;
		double confidence = (relationship.confidence() != null) ? relationship.confidence() : 1.0;
		return new JdbcRelationshipRepository.NewRelationshipRow(relationship.type(), relationship.sourceCi(),
				relationship.targetCi(), DefaultCmdbManagement.withoutNulls(relationship.attributes()), discoveredBy,
				confidence, Instant.now().truncatedTo(ChronoUnit.MICROS), actor);
	}

	private Relationship published(String id) {
		Relationship created = get(id);
		publish("relationship.created", created);
		return created;
	}

	private void publish(String event, Relationship relationship) {
		this.outbox.publish(event, relationship.id(), Map.of("relationship", Map.of("id", relationship.id(), "type",
				relationship.type(), "source_ci", relationship.source().id(), "target_ci", relationship.target().id())));
	}

	@Override
	public Relationship get(String id) {
		return this.relationships.findById(id).orElseThrow(() -> new RelationshipNotFoundException(id));
	}

	@Override
	@Transactional
	public void delete(String id, String actor) {
		delete(id, actor, null);
	}

	@Override
	@Transactional
	public void delete(String id, String actor, @Nullable ExpectedRevision expected) {
		Relationship current = this.relationships.findByIdForUpdate(id)
			.orElseThrow(() -> new RelationshipNotFoundException(id));
		if (expected != null) {
			expected.check("Relationship " + id, current.revision());
		}
		this.relationships.delete(id);
		publish("relationship.deleted", current);
	}

	@Override
	@Transactional
	public Relationship update(String id, Map<String, @Nullable Object> attributes, String actor,
			@Nullable ExpectedRevision expected) {
		Relationship current = this.relationships.findByIdForUpdate(id)
			.orElseThrow(() -> new RelationshipNotFoundException(id));
		if (expected != null) {
			expected.check("Relationship " + id, current.revision());
		}
		this.relationships.updateAttributes(id, DefaultCmdbManagement.merge(current.attributes(), attributes),
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		Relationship updated = get(id);
		publish("relationship.updated", updated);
		return updated;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Relationship> list(RelationshipQuery query) {
		long total = this.relationships.count(query);
		List<Relationship> rows = (query.offset() >= total) ? List.of() : this.relationships.list(query);
		return new Page<>(rows, total, query.page(), query.limit());
	}

	@Override
	public List<Relationship> of(String ciId) {
		return this.relationships.of(ciId);
	}


	private void check(NewRelationship relationship) {
		List<FieldError> errors = new ArrayList<>();
		if (relationship.type() == null || !ConfigurationItemRules.TYPE.matcher(relationship.type()).matches()
				|| relationship.type().length() > ConfigurationItemRules.MAX_TYPE) {
			errors.add(new FieldError("type", "type is required: lower-case letters, digits and underscores"));
		}
		checkEnd("source_ci", relationship.sourceCi(), errors);
		checkEnd("target_ci", relationship.targetCi(), errors);
		if (relationship.sourceCi() != null && relationship.sourceCi().equals(relationship.targetCi())) {
			errors.add(new FieldError("target_ci", "a configuration item cannot be related to itself"));
		}
		if (relationship.confidence() != null
				&& (relationship.confidence() < 0 || relationship.confidence() > 1 || relationship.confidence().isNaN())) {
			errors.add(new FieldError("confidence", "confidence must be between 0 and 1"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private void checkEnd(String field, String ciId, List<FieldError> errors) {
		if (ciId == null || ciId.isBlank()) {
			errors.add(new FieldError(field, field + " is required"));
		}
		else if (this.items.findById(ciId).isEmpty()) {
			errors.add(new FieldError(field, "configuration item '" + ciId + "' does not exist"));
		}
	}

	private static ConflictException duplicate(NewRelationship relationship) {
		return new RelationshipExistsException("A '" + relationship.type() + "' relationship from " + relationship.sourceCi()
				+ " to " + relationship.targetCi() + " already exists");
	}

}
