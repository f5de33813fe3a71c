/*
 * The stored audit: each stage's current configuration and check results,
 * their history (a row per change, not per sweep), the catalog entities and
 * the stages they claim, daily coverage, sweeps and kept traces.
 */

// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('stages', table => {
    table.comment('Every stage the plugin has audited, its latest state');
    table.string('stage_key', 600).primary().comment('account|arn');
    table.string('arn', 512).notNullable();
    table.string('account_id', 12).nullable();
    table.string('region', 32).notNullable();
    table.string('api_id', 64).notNullable();
    table.string('api_type', 16).nullable();
    table.string('stage_name', 128).notNullable();
    table.string('api_name', 255).nullable();
    table.text('tags').notNullable().comment('JSON');
    table.string('status', 16).notNullable();
    table.text('checks').notNullable().comment('JSON AuditCheckResult[]');
    table.text('problem').nullable().comment('JSON ReadProblem');
    table.text('config').nullable().comment('JSON StageConfig');
    table.string('config_hash', 64).notNullable();
    table.string('results_hash', 64).notNullable();
    table.string('deployment_id', 64).nullable();
    table.string('last_updated_date', 40).nullable();
    table
      .bigInteger('version_seen_at')
      .notNullable()
      .comment('first seen in this version');
    table.bigInteger('checked_at').notNullable().comment('last audited');
    table.bigInteger('swept_at').nullable().comment('last seen by a sweep');
    table
      .bigInteger('gone_at')
      .nullable()
      .comment('a sweep of its account and region no longer saw it');
    table.text('log_volume').nullable().comment('JSON LogVolume');
    table.index(['status'], 'stages_status_idx');
    table.index(['account_id', 'region'], 'stages_target_idx');
  });
  await knex.schema.createTable('stage_history', table => {
    table.comment(
      'A row per change of a stage (configuration or results), not per sweep',
    );
    table.increments('id').primary();
    table.string('stage_key', 600).notNullable();
    table
      .bigInteger('seen_at')
      .notNullable()
      .comment('first seen in this version');
    table
      .bigInteger('previous_seen_at')
      .nullable()
      .comment('last time the previous version was seen');
    table.string('status', 16).notNullable();
    table.text('checks').notNullable();
    table.text('problem').nullable();
    table.text('config').nullable();
    table.string('config_hash', 64).notNullable();
    table.string('results_hash', 64).notNullable();
    table.string('deployment_id', 64).nullable();
    table.string('last_updated_date', 40).nullable();
    table.index(['stage_key', 'seen_at'], 'stage_history_stage_idx');
    table.index(['seen_at'], 'stage_history_seen_idx');
  });
  await knex.schema.createTable('check_results', table => {
    table.comment(
      'The current result of each check of each stage, for SQL filtering',
    );
    table.string('stage_key', 600).notNullable();
    table.string('check_id', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('severity', 8).notNullable();
    table.primary(['stage_key', 'check_id']);
    table.index(['check_id', 'status'], 'check_results_check_idx');
    // "Any check failing": the coverage filter without a check id.
    table.index(['status', 'stage_key'], 'check_results_status_idx');
  });
  await knex.schema.createTable('entities', table => {
    table.comment(
      'Catalog entities that are APIs or name stages, as last synced',
    );
    table.string('entity_ref', 400).primary();
    table.string('kind', 64).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 400).nullable();
    table.string('system', 400).nullable();
    table.string('lifecycle', 64).nullable();
    table.boolean('linked').notNullable();
    table.text('error').nullable();
    table.text('discovery_errors').nullable().comment('JSON DiscoveryError[]');
    table.bigInteger('synced_at').notNullable();
    table.index(['owner'], 'entities_owner_idx');
    table.index(['system'], 'entities_system_idx');
  });
  await knex.schema.createTable('claims', table => {
    table.comment('Which entity names which stage');
    table.string('entity_ref', 400).notNullable();
    table.string('stage_key', 600).notNullable();
    table.primary(['entity_ref', 'stage_key']);
    table.index(['stage_key'], 'claims_stage_idx');
  });
  await knex.schema.createTable('daily_coverage', table => {
    table.comment('Share of stages passing each check, per day and scope');
    table.string('day', 10).notNullable();
    table
      .string('scope', 420)
      .notNullable()
      .comment('fleet | owner:<ref> | entity:<ref>');
    table.string('check_id', 64).notNullable();
    table.integer('stages').notNullable();
    table.integer('passing').notNullable();
    table.integer('failing').notNullable();
    table.integer('unreadable').notNullable();
    table.primary(['day', 'scope', 'check_id']);
  });
  await knex.schema.createTable('sweeps', table => {
    table.comment('Each sweep of the estate');
    table.increments('id').primary();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').nullable();
    table.string('status', 16).notNullable();
    table.integer('stages').notNullable().defaultTo(0);
    table.integer('calls').notNullable().defaultTo(0);
    table.text('errors').nullable().comment('JSON');
  });
  await knex.schema.createTable('kept_traces', table => {
    table.comment(
      'Traces kept past log retention, e.g. for an incident ticket',
    );
    table.increments('id').primary();
    table.string('entity_ref', 400).notNullable();
    table.string('request_id', 64).notNullable();
    table.string('extended_request_id', 64).nullable();
    table.string('stage_arn', 512).nullable();
    table.text('trace').notNullable().comment('JSON TraceResponse, redacted');
    table.string('kept_by', 400).notNullable();
    table.bigInteger('kept_at').notNullable();
    table.text('ticket_url').nullable();
    table.unique(['entity_ref', 'request_id'], {
      indexName: 'kept_traces_request_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'kept_traces',
    'sweeps',
    'daily_coverage',
    'claims',
    'entities',
    'check_results',
    'stage_history',
    'stages',
  ]) {
    await knex.schema.dropTable(table);
  }
};
