import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ANNOTATION_ACCOUNT_ID,
  ANNOTATION_EXAMPLES,
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from '@apigw-logging/plugin-api-gateway-logging-common';
import { annotationsYaml } from '../../lib/annotations';
import { CodeBlock } from '../CodeBlock';

const useStyles = makeStyles(theme => ({
  ways: { '& h3': { marginTop: theme.spacing(2) } },
}));

/**
 * An entity without stage annotations: every way to link it, each with a
 * catalog-info example of real-looking values, ready to copy.
 */
export function MissingAnnotation() {
  const { entity } = useEntity();
  const classes = useStyles();
  const byArn = annotationsYaml([
    [ANNOTATION_STAGE_ARN, ANNOTATION_EXAMPLES[ANNOTATION_STAGE_ARN]],
    [
      ANNOTATION_ACCOUNT_ID,
      ANNOTATION_EXAMPLES[ANNOTATION_ACCOUNT_ID],
      'optional: the account of the stages, when it is not the default one',
    ],
  ]);
  const byTags = annotationsYaml([
    [
      ANNOTATION_STAGE_TAGS,
      `service=${entity.metadata.name},environment=production`,
    ],
    [
      ANNOTATION_ACCOUNT_ID,
      ANNOTATION_EXAMPLES[ANNOTATION_ACCOUNT_ID],
      'optional: search only this account',
    ],
  ]);
  return (
    <InfoCard title="Link this entity to its API Gateway stages">
      <div className={classes.ways}>
        <Typography variant="body1">
          Add one of these annotations to the entity's catalog-info.yaml; this
          tab then shows the stages' logging compliance, recent failures and
          traces.
        </Typography>
        <Typography variant="h6" component="h3">
          By stage ARN ({ANNOTATION_STAGE_ARN})
        </Typography>
        <Typography variant="body2" gutterBottom>
          One or more stages, comma-separated. REST APIs use{' '}
          <code>/restapis/</code>, HTTP and WebSocket APIs <code>/apis/</code>.
        </Typography>
        <CodeBlock text={byArn} copy />
        <Typography variant="h6" component="h3">
          By AWS tags ({ANNOTATION_STAGE_TAGS})
        </Typography>
        <Typography variant="body2" gutterBottom>
          Every stage carrying all these tags, in the accounts and regions the
          plugin is configured to search.
        </Typography>
        <CodeBlock text={byTags} copy />
        <Typography variant="body2">
          <Link to="https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html">
            API Gateway ARN format
          </Link>
        </Typography>
      </div>
    </InfoCard>
  );
}
