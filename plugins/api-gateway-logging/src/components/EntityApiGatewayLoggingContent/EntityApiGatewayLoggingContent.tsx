import { Content, Progress } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ANNOTATION_STAGE_ARN } from '@internal/plugin-api-gateway-logging-common';
import { useEntityStages } from '../../hooks/useEntityStages';
import { isApiGatewayLoggingAvailable } from '../../isApiGatewayLoggingAvailable';
import { StagesCard } from '../StagesCard';
import { ErrorState } from '../ErrorState';

function EntityStages() {
  const { value, loading, error } = useEntityStages();
  if (loading) return <Progress />;
  if (error) return <ErrorState error={error} />;
  return value ? <StagesCard stages={value} /> : null;
}

/**
 * The entity tab: the API's API Gateway stages and their logging.
 *
 * @public
 */
export function EntityApiGatewayLoggingContent() {
  const { entity } = useEntity();
  if (!isApiGatewayLoggingAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={ANNOTATION_STAGE_ARN}
        readMoreUrl="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html"
      />
    );
  }
  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <EntityStages />
        </Grid>
      </Grid>
    </Content>
  );
}
