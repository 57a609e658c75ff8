/** The canonical contour form shared by reads, consensus and board (patient mm, per referenced image). */
export interface ReadContentJson {
  lesions: { id: string; label: string; contours: { sopInstanceUid: string; points: [number, number, number][] }[] }[];
}
