import { Content, Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useEntityStages } from '../../hooks/useEntityStages';
import { isApiGatewayLoggingAvailable } from '../../isApiGatewayLoggingAvailable';
import { AuditSection } from '../AuditSection';
import { FailuresSection } from '../FailuresSection';
import { StagesCard } from '../StagesCard';
import { ErrorState } from '../ErrorState';
import { MissingAnnotation } from '../MissingAnnotation';

/**
 * Stages first, because an annotation the backend cannot use (400) makes
 * every other section meaningless: show its message once, not three times.
 */
function EntityLogging() {
  const { entity } = useEntity();
  const { value, loading, error } = useEntityStages();
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} />;
  if (!value) return null;
  const ref = getCompoundEntityRef(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AuditSection />
      </Grid>
      <Grid item xs={12}>
        <FailuresSection
          entity={ref}
          stageArns={value.stages.map(s => s.arn)}
        />
      </Grid>
      <Grid item xs={12}>
        <StagesCard stages={value} />
      </Grid>
    </Grid>
  );
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
