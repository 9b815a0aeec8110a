import { PageQuery } from '@lib/core';

/** A plain page of a collection: `limit` and `cursor`. */
export class ListQueryDto extends PageQuery {}
