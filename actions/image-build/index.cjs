// The image-build action as GitHub runs it: the shared bundle, committed in dist/.
require('../../dist/spark-azure.cjs').runGithubAction('image-build');
