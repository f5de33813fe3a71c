import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  EntityStagesResponse,
  StageSummary,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { TABLE_OPTIONS, withIds } from '../../lib/tables';
import { Breakable } from '../Breakable';

/** A table row: material-table keeps row state by a unique `id`. */
type Row = StageSummary & { id: string };

const apiTypeLabel = (stage: StageSummary) =>
  stage.apiType ?? (stage.apiFamily === 'v2' ? 'HTTP or WebSocket' : 'REST');

const columns: TableColumn<Row>[] = [
  { title: 'Stage', field: 'stageName', highlight: true },
  { title: 'API type', render: apiTypeLabel },
  { title: 'API id', field: 'apiId' },
  { title: 'Region', field: 'region' },
  {
    title: 'Account',
    render: stage => stage.accountId ?? 'default account',
  },
  {
    title: 'ARN',
    render: stage => (
      <Typography variant="caption" style={{ overflowWrap: 'anywhere' }}>
        <Breakable text={stage.arn} />
      </Typography>
    ),
  },
];

/** The stages an entity's annotations name. */
export function StagesCard(props: { stages: EntityStagesResponse }) {
  const { stages } = props;
  if (stages.selector === 'tags') {
    return (
      <InfoCard title="API Gateway stages">
        <Typography variant="body2" gutterBottom>
          Stages are selected by their AWS tags, in the accounts and regions
          configured for the plugin:
        </Typography>
        {Object.entries(stages.tags ?? {}).map(([key, value]) => (
          <Chip key={key} label={`${key} = ${value}`} size="small" />
        ))}
      </InfoCard>
    );
  }
  return (
    <Table<Row>
      title="API Gateway stages"
      subtitle="From the entity's annotations"
      options={{ ...TABLE_OPTIONS, paging: false }}
      columns={columns}
      data={withIds(stages.stages, stage => stage.arn)}
    />
  );
}
