import { Content, Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityStagesResponse } from '@apigw-logging/plugin-api-gateway-logging-common';
import Grid from '@material-ui/core/Grid';
import { useEntityStages } from '../../hooks/useEntityStages';
import { isApiGatewayLoggingAvailable } from '../../isApiGatewayLoggingAvailable';
import { useEntityAudit } from '../../hooks/useEntityAudit';
import { AuditSection } from '../AuditSection';
import { HistorySection } from '../HistorySection';
import { LogVolumeCard } from '../LogVolumeCard';
import { FailuresSection } from '../FailuresSection';
import { StagesCard } from '../StagesCard';
import { ErrorState } from '../ErrorState';
import { MissingAnnotation } from '../MissingAnnotation';

/** The tab's sections, once the entity's annotations are known to be usable. */
function Sections(props: { stages: EntityStagesResponse }) {
  const { stages } = props;
  const { entity } = useEntity();
  const audit = useEntityAudit();
  const ref = getCompoundEntityRef(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AuditSection audit={audit} />
      </Grid>
      <Grid item xs={12}>
        <FailuresSection entity={ref} stages={stages.stages} />
      </Grid>
      <Grid item xs={12}>
        <HistorySection />
      </Grid>
      {audit.value && (
        <Grid item xs={12}>
          <LogVolumeCard stages={audit.value.stages} />
        </Grid>
      )}
      <Grid item xs={12}>
        <StagesCard stages={stages} />
      </Grid>
    </Grid>
  );
}

/**
 * Stages first, because an annotation the backend cannot use (400) makes
 * every other section meaningless: show its message once, not three times.
 */
function EntityLogging() {
  const { value, loading, error } = useEntityStages();
  if (loading) return <Progress aria-label="Loading the stages" />;
  if (error) return <ErrorState error={error} />;
  if (!value) return null;
  return <Sections stages={value} />;
}

/**
 * The entity tab: the logging compliance of the API's stages, its recent
 * failures and the trace of each failed request.
 *
 * @public
 */
export function EntityApiGatewayLoggingContent() {
  const { entity } = useEntity();
  if (!isApiGatewayLoggingAvailable(entity)) {
    return <MissingAnnotation />;
  }
  return (
    <Content noPadding>
      <EntityLogging />
    </Content>
  );
}
