// Attachments (附件): upload a file for an attachment field, and the address to download
// one. The server checks size and kind by content and who may read each file.
import { request } from './http'

/** A file as an attachment field holds it (and as the record JSON shows it). */
export interface AttachmentRef {
  id: number
  name: string
  size: number
  media_type?: string
}
export interface AttachmentInfo extends AttachmentRef {
  sm3: string
  uploaded_at: string
  uploaded_by: string
}

/** The server's default limit; the server decides, this only spares a clerk a long upload. */
export const attachmentMaxBytes = 50 * 1024 * 1024
/** Extensions the server accepts (it checks the content as well). */
export const attachmentExtensions = ['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'mp3', 'mp4', 'zip']
export const attachmentKindsText = '版式文件（.pdf .ofd）、文字处理文档（.doc .docx）、电子表格（.xls .xlsx）、图片（.jpg .png）、音频（.mp3）、视频（.mp4）、压缩包（.zip）'

/** Sends the file's bytes; its name travels percent-encoded in X-File-Name. */
export function uploadAttachment(file: File): Promise<AttachmentInfo> {
  return request<AttachmentInfo>('/attachments', {
    method: 'POST',
    body: file,
    contentType: 'application/octet-stream',
    headers: { 'X-File-Name': encodeURIComponent(file.name) },
  })
}

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`
}

/** 1234567 → "1.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} 字节`
}

/** An attachment field's value as a list of files (ids alone are kept as "附件 N"). */
export function attachmentRefs(value: unknown): AttachmentRef[] {
  if (!Array.isArray(value)) return []
  return value
    .map((v) => (typeof v === 'number' ? { id: v, name: `附件 ${v}`, size: 0 } : (v as AttachmentRef)))
    .filter((v) => v && typeof v.id === 'number')
}
