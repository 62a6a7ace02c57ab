import { Schema, type Model } from 'mongoose';
import type { ConversionReportRow } from '@muse/shared';
import { chunkOf, chunkRowsInOrder, reportLimit, rowsByChunk, type ConversionReportRepository, type ReportRowsQuery } from '../conversion-report-store.port';

/** One chunk of a report: up to 100 rows keyed by their index as text. */
export interface ReportChunkDoc {
  _id: string;
  conversionId: string;
  chunk: number;
  ownerId: string;
  rows: Record<string, ConversionReportRow>;
}

export const reportChunkSchema = new Schema<ReportChunkDoc>(
  {
    _id: { type: String, required: true },
    conversionId: { type: String, required: true },
    chunk: { type: Number, required: true },
    ownerId: { type: String, required: true },
    rows: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);
reportChunkSchema.index({ conversionId: 1, chunk: 1 }, { unique: true });
reportChunkSchema.index({ ownerId: 1 });

const CHUNKS_PER_READ = 10;

/** Conversion reports in a chunks collection; a write `$set`s its rows by index, upserting the chunk. */
export class MongoConversionReportRepository implements ConversionReportRepository {
  constructor(private readonly model: Model<ReportChunkDoc>) {}

  async putRows(conversionId: string, ownerId: string, rows: ConversionReportRow[]): Promise<void> {
    for (const [chunk, byIndex] of rowsByChunk(rows)) {
      const set = Object.fromEntries(Object.entries(byIndex).map(([index, row]) => [`rows.${index}`, row]));
      await this.model.updateOne(
        { _id: `${conversionId}:${chunk}` },
        { $set: set, $setOnInsert: { conversionId, chunk, ownerId } },
        { upsert: true, strict: false },
      );
    }
  }

  async getRow(conversionId: string, index: number): Promise<ConversionReportRow | null> {
    if (!Number.isInteger(index) || index < 0) return null;
    const doc = await this.model.findOne({ _id: `${conversionId}:${chunkOf(index)}` }, { [`rows.${index}`]: 1 }).lean<Pick<ReportChunkDoc, 'rows'> | null>();
    return doc?.rows?.[String(index)] ?? null;
  }

  async listRows(conversionId: string, query: ReportRowsQuery): Promise<ConversionReportRow[]> {
    const limit = reportLimit(query.limit);
    const out: ConversionReportRow[] = [];
    let fromChunk = query.afterIndex === undefined ? 0 : chunkOf(Math.max(0, query.afterIndex + 1));
    for (;;) {
      const chunks = await this.model
        .find({ conversionId, chunk: { $gte: fromChunk } })
        .sort({ chunk: 1 })
        .limit(CHUNKS_PER_READ)
        .lean<ReportChunkDoc[]>();
      for (const c of chunks) {
        out.push(...chunkRowsInOrder(c.rows ?? {}, query));
        if (out.length >= limit) return out.slice(0, limit);
      }
      if (chunks.length < CHUNKS_PER_READ) return out;
      fromChunk = chunks[chunks.length - 1]!.chunk + 1;
    }
  }

  async deleteReport(conversionId: string): Promise<boolean> {
    return ((await this.model.deleteMany({ conversionId })).deletedCount ?? 0) > 0;
  }

  async deleteByOwner(ownerId: string): Promise<number> {
    return (await this.model.deleteMany({ ownerId })).deletedCount ?? 0;
  }
}
