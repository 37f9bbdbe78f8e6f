// The index of policies, locales and versions.
import { indexDocument } from '../../../api/api-documents.ts';
import { jsonResponse } from '../../../api/json-response.ts';
import { getSiteModel } from '../../../site/site-model.ts';

export const GET = () => jsonResponse(indexDocument(getSiteModel()));
