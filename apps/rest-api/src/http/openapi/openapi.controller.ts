import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { Endpoint } from '../endpoint.decorator';
import type { ApiRequest } from '../http-types';
import { docsPage } from './docs-page';
import { openApiDocument } from './openapi-document';
import { postmanCollection } from './postman-collection';
import { RouteCatalog } from './route-catalog';

/** The API described by its own routes: OpenAPI, an HTML page, a Postman collection. Public. */
@Controller('api/v1')
export class OpenApiController {
  constructor(@Inject(RouteCatalog) private readonly catalog: RouteCatalog) {}

  @Get('openapi.json')
  @Endpoint({ summary: 'OpenAPI 3.1 document', tag: 'docs', raw: { contentType: 'application/json' } })
  openApi(): unknown {
    return openApiDocument(this.catalog.all());
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Endpoint({ summary: 'API reference page', tag: 'docs', raw: { contentType: 'text/html' } })
  docs(): string {
    return docsPage(this.catalog.all());
  }

  @Get('postman.json')
  @Endpoint({ summary: 'Postman collection (v2.1)', tag: 'docs', raw: { contentType: 'application/json' } })
  postman(@Req() req: ApiRequest): unknown {
    return postmanCollection(this.catalog.all(), `http://${req.headers.host ?? 'localhost:3000'}`);
  }
}
