/**
 * The layout library over HTTP. Anyone signed in may read it; saving a layout or a study needs the design
 * capability (engineers, admins). A scene that is not a scene (the schema refuses it) is refused with the fields
 * named; one the checker finds problems in is saved (work in progress) with their count, which every listing shows.
 *
 * GET    /api/layouts?zone=                      the layouts, each with its latest version
 * POST   /api/layouts                            { name, scene, note? } → 201, version 1
 * GET    /api/layouts/:id                        the layout and its versions, newest first
 * POST   /api/layouts/:id/versions               { basedOn, scene, note? } → 201, the next version (409 if not based on the latest)
 * GET    /api/layouts/:id/versions/:v            the scene file of that version
 * GET    /api/layouts/:id/compare?from=&to=      what changed between two versions, with the checker's verdict
 * GET    /api/layouts/:id/studies                the studies run on its versions
 * POST   /api/layouts/:id/versions/:v/studies    { result } → 201
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkScene } from '../../../src/domain/checks/checkScene';
import { compareLayouts } from '../../../src/domain/layoutCompare';
import { Scene } from '../../../src/domain/sceneSchema';
import { zodProblems } from '../../../src/domain/zodProblems';
import { LayoutError, type LayoutStore } from '../../layouts/LayoutStore';
import type { User } from '../../users/UserStore';
import { requires } from '../access';
import { HttpError } from '../HttpError';
import { parseBody, parseParams, parseQuery } from '../parseInput';

const Name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');
const Note = z.string().max(2000).optional();
const Create = z.strictObject({ name: Name, scene: z.unknown(), note: Note });
const Save = z.strictObject({ basedOn: z.number().int().min(1), scene: z.unknown(), note: Note });
const Id = z.strictObject({ id: z.uuid() });
const Version = z.strictObject({ id: z.uuid(), v: z.coerce.number().int().min(1) });
const Compare = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
const Listing = z.strictObject({ zone: z.string().max(40).optional() });
/** A study's result as the page's study runner gives it; kept whole. */
const Study = z.strictObject({
  result: z.looseObject({
    sceneId: z.string(),
    zoneId: z.string(),
    spec: z.record(z.string(), z.unknown()),
    // What the library lists beside the version: the fleet and the cleared/day.
    base: z.looseObject({ agvs: z.number(), clearedPerDay: z.looseObject({ mean: z.number() }) }),
  }),
});

/** The scene in a body, checked: the schema's refusal is a 400 naming every field; the checker's problems are counted. */
function sceneOf(input: unknown) {
  const parsed = Scene.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    throw new HttpError(400, problems.map((p) => `body.scene${p.path ? `.${p.path}` : ''}: ${p.message}`).join('; '));
  }
  const scene = parsed.data;
  return { zone: scene.zone.id, scene: JSON.stringify(scene, null, 2), problems: checkScene(scene).length };
}

/** A library refusal as its HTTP answer. */
async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof LayoutError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

export function layoutRoutes(
  app: FastifyInstance,
  { layouts, userOf }: { layouts: LayoutStore; userOf: (r: FastifyRequest) => Promise<User | undefined> },
): void {
  const view = { preHandler: requires(userOf, 'view') };
  const design = { preHandler: requires(userOf, 'design') };
  const who = async (r: FastifyRequest) => (await userOf(r))!.name;

  app.get('/api/layouts', view, async (request) => {
    const { zone } = parseQuery(Listing, request.query);
    return { layouts: await layouts.list(zone) };
  });

  app.post('/api/layouts', design, async (request, reply) => {
    const body = parseBody(Create, request.body);
    const s = sceneOf(body.scene);
    const created = await answering(layouts.create(body.name, await who(request), { ...s, ...(body.note ? { note: body.note } : {}) }));
    request.log.info({ user: created.createdBy, layout: created.id, name: created.name }, 'layout created');
    return reply.code(201).send(created);
  });

  app.get('/api/layouts/:id', view, async (request) => {
    const { id } = parseParams(Id, request.params);
    const [layout, versions] = await answering(Promise.all([layouts.layout(id), layouts.versions(id)]));
    return { ...layout, versions };
  });

  app.post('/api/layouts/:id/versions', design, async (request, reply) => {
    const { id } = parseParams(Id, request.params);
    const body = parseBody(Save, request.body);
    const s = sceneOf(body.scene);
    const saved = await answering(layouts.save(id, body.basedOn, await who(request), { ...s, ...(body.note ? { note: body.note } : {}) }));
    request.log.info({ user: saved.author, layout: id, version: saved.version }, 'layout saved');
    return reply.code(201).send(saved);
  });

  app.get('/api/layouts/:id/versions/:v', view, async (request, reply) => {
    const { id, v } = parseParams(Version, request.params);
    return reply.type('application/json; charset=utf-8').send(await answering(layouts.scene(id, v)));
  });

  app.get('/api/layouts/:id/compare', view, async (request) => {
    const { id } = parseParams(Id, request.params);
    const { from, to } = parseQuery(Compare, request.query);
    const [a, b] = await answering(Promise.all([layouts.scene(id, from), layouts.scene(id, to)]));
    return { from, to, ...compareLayouts(Scene.parse(JSON.parse(a)), Scene.parse(JSON.parse(b))) };
  });

  app.get('/api/layouts/:id/studies', view, async (request) => {
    const { id } = parseParams(Id, request.params);
    return { studies: await answering(layouts.studies(id)) };
  });

  app.post('/api/layouts/:id/versions/:v/studies', design, async (request, reply) => {
    const { id, v } = parseParams(Version, request.params);
    const { result } = parseBody(Study, request.body);
    return reply.code(201).send(await answering(layouts.addStudy(id, v, await who(request), result)));
  });
}
