// The change notices due or upcoming: the email job's input.
import { noticesDocument } from '../../../api/api-documents.ts';
import { jsonResponse } from '../../../api/json-response.ts';
import { getSiteModel } from '../../../site/site-model.ts';

export const GET = () => jsonResponse(noticesDocument(getSiteModel()));
